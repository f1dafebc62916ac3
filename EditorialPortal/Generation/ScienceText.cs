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

    // Each review says three to five of these: honest
    // reviewers share a phrase or two, not whole sentences, so that reviews copied from one hand stand out.
    private static readonly string[] Concerns =
    [
        "The sampling design confounds {place} with the year of sampling; a mixed model with site as a random effect would separate the effect of {driver} from it.",
        "Please report the effect of {driver} on {subject} with its uncertainty rather than p-values alone, as the authors do for Table {n}.",
        "The conclusions about {subject} go further than the data from {place}; a sensitivity analysis without the {ordinal} season would help.",
        "{Method} suits the question, but the figures should show the raw data from all {count} sites.",
        "It is not clear how the {count} missing observations of {subject} were handled; please say so in the methods.",
        "The discussion should weigh observer effort as an alternative explanation of the pattern seen in {place}.",
        "The analysis is appropriate, but {count} replicates is a small sample for the experiment on {driver}.",
        "The introduction is long; the gap this study fills for {subject} belongs in its first paragraph.",
        "I would like {method} set against a simpler baseline before anything is claimed about {driver}.",
        "Section {n} describes {place} at length but never says why it was chosen over comparable sites.",
        "Little recent work on {subject} is cited, though the last {n} years have brought several relevant studies.",
        "Figure {n} lacks units, and its colour scale for {driver} is hard to read in print.",
        "The response to {driver} may only reflect the gradient across {place}; a control transect would settle it.",
        "The data and code behind the analysis of {subject} should be deposited so that it can be repeated.",
        "The {ordinal} paragraph of the results repeats the methods; the space would be better spent on the effect sizes.",
        "How {count} plots were chosen in {place} matters for every estimate that follows and is not described."
    ];

    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "last"];

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

    // Each sentence draws its own subject, place and numbers: two honest reviews that happen to raise the same points
    // still say them about different things.
    public string Review() => string.Join("\n\n", random.ArrayElements(Concerns, random.Number(3, 5)).Select(concern =>
    {
        var method = random.ArrayElement(Methods);
        return concern
            .Replace("{subject}", random.ArrayElement(Subjects)).Replace("{driver}", random.ArrayElement(Drivers))
            .Replace("{Method}", char.ToUpperInvariant(method[0]) + method[1..]).Replace("{method}", method).Replace("{place}", random.ArrayElement(Places))
            .Replace("{n}", random.Number(2, 9).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Replace("{count}", random.Number(4, 60).ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{ordinal}", random.ArrayElement(Ordinals));
    }));

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
