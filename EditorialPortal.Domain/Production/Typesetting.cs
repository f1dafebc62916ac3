using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Common;
using EditorialPortal.Domain.Journals;
using EditorialPortal.Domain.Notifications;

namespace EditorialPortal.Domain.Production;

/// <summary>Gives a typesetter (or a production editor) a round of typesetting from the article's latest text.</summary>
public sealed record AssignTypesetting(Guid Round, Guid Typesetter, DateTimeOffset Due, string? Notes = null) : ProductionCommand;

/// <summary>A galley made in the round: a new one, or a new upload of one the article has (the earlier stays in its history).</summary>
/// <param name="Order">Where the galley goes among the article's galleys, from 1.</param>
public sealed record UploadGalley(Guid Round, Guid Galley, GalleyFormat Format, string Label, string Language, int Order, ProductionUpload File) : ProductionCommand, INamesATask
{
    Guid INamesATask.Task => Round;
}

public sealed record CompleteTypesetting(Guid Round) : ProductionCommand, INamesATask
{
    Guid INamesATask.Task => Round;
}

public sealed record TypesettingAssigned(Guid Production, Guid Round, int Number, Guid Typesetter, DateTimeOffset Due, string? Notes,
    IReadOnlyList<ProductionFile> Sources, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record GalleyUploaded(Guid Production, Guid Round, Guid Galley, GalleyFormat Format, string Label, string Language, int Order,
    ProductionFile File, Guid By, DateTimeOffset At) : IProductionFact;

public sealed record TypesettingCompleted(Guid Production, Guid Round, Guid By, DateTimeOffset At) : IProductionFact;

/// <summary>
/// Typesetting: rounds, each with its typesetter, due date, source files and the galleys it makes. Every upload is kept;
/// a galley the author approved in proof changes only in a new round.
/// </summary>
public static class Typesetting
{
    public static string MediaTypeOf(GalleyFormat format) => format switch
    {
        GalleyFormat.Pdf => "application/pdf",
        GalleyFormat.Html => "text/html",
        _ => "application/xml"
    };

    public static string Describe(this GalleyFormat format) => format switch
    {
        GalleyFormat.Pdf => "PDF",
        GalleyFormat.Html => "HTML",
        _ => "JATS XML"
    };

    internal static void Register(ProductionUseCases cases) => cases
        .Command<AssignTypesetting>(new(Who.ProductionEditor, "assign typesetting", ProductionRules.OnlyProductionEditor), Assign, subject: c => c.Typesetter)
        .Command<UploadGalley>(new(Who.TaskHolder, "upload a galley", ProductionRules.OnlyTaskHolder), Upload)
        .Command<CompleteTypesetting>(new(Who.TaskHolder, "finish a typesetting round", ProductionRules.OnlyTaskHolder), Complete)
        .Fact<TypesettingAssigned>((p, f) => p with
            {
                Rounds = [.. p.Rounds, new TypesettingRound(f.Round, f.Number, f.Typesetter, f.Due, f.Notes, f.Sources, f.At)],
                // A new round may change any galley: what the author approved is approved again in proof.
                Galleys = [.. p.Galleys.Select(g => g with { Locked = false })],
                LastChangedAt = f.At
            },
            (f, t) => $"gave {t.Name(f.Typesetter, "a typesetter")} typesetting round {f.Number}, due {f.Due:d MMMM yyyy}",
            (f, _) => [new(f.Typesetter, NoticeKind.TypesettingAssigned, ProductionScene.Due(f.Due))],
            named: f => [f.Typesetter])
        .Fact<GalleyUploaded>((p, f) =>
            {
                var number = p.Round(f.Round)?.Number ?? p.Rounds.Count;
                var galleys = p.Galley(f.Galley) is { } existing
                    ? p.Galleys.Select(g => g.Id == f.Galley ? g with { Label = f.Label, Language = f.Language, Order = f.Order, Versions = [.. g.Versions, new GalleyVersion(number, f.File)] } : g)
                    : p.Galleys.Append(new Galley(f.Galley, f.Format, f.Label, f.Language, f.Order, [new GalleyVersion(number, f.File)]));
                return p with { Galleys = [.. galleys.OrderBy(g => g.Order)], LastChangedAt = f.At };
            },
            (f, _) => $"uploaded the {f.Format.Describe()} galley “{f.Label}” ({f.File.FileName})",
            (_, _) => Notice.NoOne)
        .Fact<TypesettingCompleted>((p, f) => p.WithRound(f.Round, r => r with { Done = true, DoneAt = f.At }, f.At),
            (f, _) => "finished a typesetting round",
            (_, n) => n.ProductionEditors.Select(e => new Notice(e, NoticeKind.TypesettingDone, Notice.Nothing)));

    private static Decision Assign(AssignTypesetting c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "assign typesetting") is { } closed) return closed;
        if (p.Rounds.Any(r => r.Id == c.Round)) return Decision.NothingToRecord;
        if (!p.CopyeditsSettled)
            return new Refusal.NotAllowedInState("assign typesetting", "in copyediting", "typesetting starts once the copyedits are finished and the author has accepted them", Of: "");
        if (p.CurrentRound is { Done: false }) return new Refusal.NotAllowedInState("assign typesetting", "in typesetting", "the current round is not finished", Of: "");
        if (p.Proofs.Any(proof => proof.Status == ProofStatus.Waiting))
            return new Refusal.NotAllowedInState("assign typesetting", "in proof", "the proofs are with their reader", Of: "");
        if (d.Subject is not { } typesetter || !(d.Journal!.Grants(typesetter.Id, JournalRole.Typesetter) || d.Journal.Grants(typesetter.Id, JournalRole.ProductionEditor)))
            return new Refusal.Invalid("typesetter", "Choose one of the journal's typesetters or production editors.");
        if (c.Due <= d.Now) return new Refusal.Invalid("due", "The round is due in the future.");
        if ((c.Notes?.Length ?? 0) > Copyediting.NotesMaxLength) return new Refusal.Invalid("notes", $"Keep the notes under {Copyediting.NotesMaxLength} characters.");
        return Decision.Record(new TypesettingAssigned(p.Id, c.Round, p.Rounds.Count + 1, typesetter.Id, c.Due, ProductionRules.Blank(c.Notes), ProductionRules.LatestText(p),
            d.Actor.Account, d.Now));
    }

    private static Decision Upload(UploadGalley c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "upload a galley") is { } closed) return closed;
        var round = p.Round(c.Round)!;
        if (round.Done || round != p.CurrentRound)
            return new Refusal.NotAllowedInState("upload a galley", $"round {round.Number} finished", "galleys are uploaded in the round under way; a change needs a new round", Of: "");
        var errors = new List<FieldError>(c.File.Problems("file"));
        if (string.IsNullOrWhiteSpace(c.Label) || c.Label.Trim().Length > 100) errors.Add(new("label", "Label the galley (at most 100 characters), for example “PDF”."));
        if (!IsLanguageTag(c.Language)) errors.Add(new("language", "Give the galley's language as a language tag, for example “en”."));
        if (c.Order is < 1 or > 50) errors.Add(new("order", "Place the galley between 1 and 50."));
        if (c.File.MediaType != MediaTypeOf(c.Format)) errors.Add(new("file", $"A {c.Format.Describe()} galley is a {MediaTypeOf(c.Format)} file."));
        if (errors.Count > 0) return new Refusal.Invalid(errors);
        if (p.Galley(c.Galley) is { } galley)
        {
            if (galley.Format != c.Format) return new Refusal.Invalid("format", $"This galley is {galley.Format.Describe()}; upload another format as a galley of its own.");
            if (galley.Locked) return new Refusal.NotAllowedInState("upload a galley", "approved", "the author approved this galley in proof; a change needs a new typesetting round", Of: "");
            if (galley.Current.Sha256 == c.File.Sha256.ToLowerInvariant())
                return new Refusal.Invalid("file", "Nothing changed: this file is byte for byte the galley as it is.");
        }
        else if (p.Galleys.Any(g => g.Format == c.Format && g.Language == c.Language.Trim()))
            return new Refusal.Invalid("galley", $"The article has a {c.Format.Describe()} galley in this language already; upload a new version of it instead.");
        return Decision.Record(new GalleyUploaded(p.Id, round.Id, c.Galley, c.Format, c.Label.Trim(), c.Language.Trim(), c.Order, c.File.Kept(d.Actor, d.Now),
            d.Actor.Account, d.Now));
    }

    private static Decision Complete(CompleteTypesetting c, ArticleProduction p, ProductionDeciding d)
    {
        if (ProductionRules.Closed(p, "finish a typesetting round") is { } closed) return closed;
        var round = p.Round(c.Round)!;
        if (round.Done) return Decision.NothingToRecord;
        if (p.Galleys.Count == 0) return new Refusal.Invalid("galley", "Upload the article's galleys first.");
        return Decision.Record(new TypesettingCompleted(p.Id, round.Id, d.Actor.Account, d.Now));
    }

    // A BCP 47 tag as journals use them: a language, perhaps with a region or script ("en", "pt-BR", "zh-Hant").
    private static bool IsLanguageTag(string tag) =>
        tag.Trim() is { Length: >= 2 and <= 20 } t && t.Split('-') is var parts && parts[0].Length is 2 or 3 && parts.All(part => part.Length is > 0 and <= 8 && part.All(char.IsAsciiLetterOrDigit));
}
