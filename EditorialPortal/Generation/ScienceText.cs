using Bogus;

namespace EditorialPortal.Generation;

/// <summary>
/// Titles, abstracts, keywords and reviews that read like a journal's, composed from word lists with Bogus, so that
/// searches, diffs and word counts meet text of the usual shape rather than lorem ipsum.
/// </summary>
public sealed class ScienceText(Randomizer random)
{
    private static readonly string[] Subjects =
    [
        "soil microbial communities", "alpine plant phenology", "coral reef recovery", "urban heat islands", "river nitrate loads",
        "seabird foraging", "beech seedling drought tolerance", "small mammal dispersal", "lake ice cover", "pollinator networks",
        "groundwater recharge", "forest carbon uptake", "wetland methane emissions", "glacier mass balance", "invasive crayfish",
        "bat echolocation", "coastal erosion", "grassland diversity", "permafrost thaw", "tree-line advance", "kelp forest decline",
        "amphibian chytrid infection", "peatland restoration", "songbird migration timing", "estuarine salinity", "wildfire smoke exposure"
    ];

    private static readonly string[] Drivers =
    [
        "warming", "nitrogen deposition", "land-use change", "drought", "grazing", "artificial light at night", "road noise",
        "prescribed burning", "flood frequency", "ocean acidification", "habitat fragmentation", "snowpack loss", "urbanisation",
        "agricultural runoff", "storm intensity", "selective logging"
    ];

    private static readonly string[] Methods =
    [
        "a twelve-year field experiment", "satellite time series", "a continental survey", "stable isotope analysis",
        "metabarcoding of environmental DNA", "a before-after-control-impact design", "mechanistic models", "radio telemetry",
        "herbarium records", "a network of low-cost sensors", "common-garden experiments", "citizen science observations"
    ];

    private static readonly string[] Places =
    [
        "temperate forests", "the Swiss Alps", "the Great Barrier Reef", "twenty European cities", "a lowland river", "the North Sea",
        "boreal lakes", "the Andes", "Mediterranean shrublands", "Arctic tundra", "tropical montane forests", "the Baltic coast"
    ];

    private static readonly string[] Findings =
    [
        "explains most of the variation we observed", "acts only above a threshold", "is buffered by local diversity",
        "reverses within two seasons", "depends on the timing more than the magnitude", "is stronger at the range edge",
        "is masked by year-to-year variability", "accumulates over successive years"
    ];

    private static readonly string[] Concerns =
    [
        "The sampling design confounds site and year; a mixed model with site as a random effect would separate them.",
        "Please report effect sizes with their uncertainty rather than p-values alone.",
        "The conclusions go further than the data. A sensitivity analysis would help.",
        "The methods are sound and clearly described. The figures could show the raw data.",
        "It is not clear how missing observations were handled; please state this in the methods.",
        "The discussion should address the obvious alternative explanation of observer effort.",
        "The statistical analysis is appropriate, but the sample size for the second experiment is small.",
        "The introduction is long; the gap this study fills should be stated in the first paragraph."
    ];

    public string Title() => random.Number(3) switch
    {
        0 => $"{Capital(random.ArrayElement(Drivers))} reshapes {random.ArrayElement(Subjects)} in {random.ArrayElement(Places)}",
        1 => $"How {random.ArrayElement(Drivers)} affects {random.ArrayElement(Subjects)}: evidence from {random.ArrayElement(Methods)}",
        2 => $"{Capital(random.ArrayElement(Subjects))} under {random.ArrayElement(Drivers)} across {random.ArrayElement(Places)}",
        _ => $"{Capital(random.ArrayElement(Subjects))} and {random.ArrayElement(Drivers)}"
    };

    public string Abstract(string title)
    {
        var subject = random.ArrayElement(Subjects);
        var driver = random.ArrayElement(Drivers);
        return $"{title} is poorly understood. Using {random.ArrayElement(Methods)} in {random.ArrayElement(Places)}, we measured " +
               $"{subject} at {random.Number(6, 240)} sites over {random.Number(2, 30)} years. We find that {driver} " +
               $"{random.ArrayElement(Findings)}, and that its effect on {subject} {random.ArrayElement(Findings)}. " +
               $"These results matter for how {random.ArrayElement(Subjects)} are managed under continued {random.ArrayElement(Drivers)}.";
    }

    public string[] Keywords() =>
        random.ArrayElements(Subjects, random.Number(1, 2)).Concat(random.ArrayElements(Drivers, random.Number(1, 2)))
            .Append(random.ArrayElement(["ecology", "conservation", "climate change", "field study", "modelling", "biogeography"])).ToArray();

    public string Review() => string.Join("\n\n", random.ArrayElements(Concerns, random.Number(2, 4)));

    public string ConfidentialNote() => random.Bool(0.6f) ? "" : random.ArrayElement(
        ["A competent study; my concerns are minor.", "I suspect the second data set overlaps with the authors' earlier paper.",
         "The English needs work but the science is fine.", "I would not object to rejection."]);

    public string Revision() => "We thank the reviewers. " + random.ArrayElement(
        ["We added a sensitivity analysis and report effect sizes with 95% intervals.", "We re-ran the models with site as a random effect.",
         "We shortened the introduction and added the raw data as a supplement.", "We added a second field season."]);

    public string WithdrawalReason() => random.ArrayElement(
        ["We found an error in the analysis and need to redo it.", "We want to add another season of data first.",
         "The manuscript was submitted by mistake.", "One co-author did not agree to submission."]);

    private static string Capital(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
