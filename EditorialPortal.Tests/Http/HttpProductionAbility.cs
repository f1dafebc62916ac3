using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using EditorialPortal.Domain.Production;
using EditorialPortal.Production;
using EditorialPortal.Tests.Scenarios.Screenplay;

namespace EditorialPortal.Tests.Http;

public sealed partial class HttpProtocol
{
    /// <summary>Production over the REST API: the article's representation, and each command at the link it offers.</summary>
    private sealed partial class HttpAbility
    {
        private Guid? _me;

        private static string Self(Guid submission) => $"/api/production/{submission}";

        private async Task<ProductionRepresentation?> Shown(Guid submission)
        {
            var response = await client.GetAsync(Self(submission));
            if (response.StatusCode == HttpStatusCode.NotFound) return null;
            response.EnsureSuccessStatusCode();
            return await response.Content.ReadFromJsonAsync<ProductionRepresentation>(Json);
        }

        private async Task<Guid> Me() =>
            _me ??= (await client.GetFromJsonAsync<JsonElement>("/api/me", Json)).GetProperty("id").GetGuid();

        /// <summary>The link the article offers for the command; where it offers none, the route table's address, to hear the refusal the portal gives.</summary>
        private static string Address(ProductionRepresentation p, Type command, Guid? task)
        {
            var route = ProductionApi.For(command) ?? throw new ArgumentOutOfRangeException(nameof(command), command, "The route table has no route for this command");
            return p._links.TryGetValue(task is { } id ? $"{route.Rel}:{id}" : route.Rel, out var link)
                ? link.Href
                : $"{Self(p.Submission)}/{route.Path.Replace("{task}", task?.ToString() ?? "")}";
        }

        private sealed record Request(Type Command, Guid? Task, HttpContent? Body, string Query = "");

        private async Task<SeenRefusal?> Send(Guid submission, Func<ProductionRepresentation, Guid, Request?> request)
        {
            if (await Shown(submission) is not { } p) return new SeenRefusal("NotAuthorised", []);
            if (request(p, await Me()) is not { } chosen) return new SeenRefusal("NotAllowedInState", []);
            var response = await client.PostAsync(Address(p, chosen.Command, chosen.Task) + chosen.Query, chosen.Body);
            return response.IsSuccessStatusCode ? null : await Refusal(response);
        }

        private static JsonContent Body(object value) => JsonContent.Create(value, options: Json);

        private static ByteArrayContent FileBody(SampleFile file) =>
            new(file.Content) { Headers = { ContentType = new MediaTypeHeaderValue("application/octet-stream"), ContentDisposition = new("attachment") { FileName = file.Name } } };

        // A command that carries a file goes as a form: the request as JSON beside the file.
        private static MultipartFormDataContent WithFile(object request, SampleFile file) =>
            new() { { new StringContent(JsonSerializer.Serialize(request, Json)), "request" }, { new ByteArrayContent(file.Content), "file", file.Name } };

        private DateTimeOffset Due => DateTimeOffset.UtcNow + TheirTasks.Allowed;

        public async Task<ProductionSighting?> OpenProduction(Guid submission)
        {
            if (await Shown(submission) is not { } p) return null;
            var history = await client.GetFromJsonAsync<IReadOnlyList<Domain.Submissions.HistoryEntry>>($"{Self(submission)}/history", Json);
            return TheirTasks.Sighting(p.Step, p.Galleys, p.Missing, history!.Select(h => $"{h.ByName} {h.Description}"));
        }

        public Task<SeenRefusal?> AssignCopyedit(Guid submission, PersonAccount copyeditor) =>
            Send(submission, (_, _) => new(typeof(AssignCopyedit), null, Body(new { assignee = copyeditor.Id, due = Due })));

        public Task<SeenRefusal?> UploadCopyedit(Guid submission, SampleFile file) =>
            Send(submission, (p, me) => TheirTasks.Copyedit(p.Copyedits, me) is { } task ? new(typeof(UploadCopyeditedFile), task, FileBody(file)) : null);

        public Task<SeenRefusal?> FinishCopyedit(Guid submission) =>
            Send(submission, (p, me) => TheirTasks.Copyedit(p.Copyedits, me) is { } task ? new(typeof(CompleteCopyedit), task, null) : null);

        public Task<SeenRefusal?> AcceptCopyedits(Guid submission) => Send(submission, (_, _) => new(typeof(AcceptCopyedits), null, null));

        public Task<SeenRefusal?> SendCopyeditCorrections(Guid submission, string notes, SampleFile? correctedCopy = null) =>
            Send(submission, (_, _) => new(typeof(SendCopyeditCorrections), null, correctedCopy is null ? Body(new { notes }) : WithFile(new { notes }, correctedCopy)));

        public Task<SeenRefusal?> AssignTypesetting(Guid submission, PersonAccount typesetter) =>
            Send(submission, (_, _) => new(typeof(AssignTypesetting), null, Body(new { assignee = typesetter.Id, due = Due })));

        public async Task<byte[]?> DownloadJatsFrontMatter(Guid submission)
        {
            if (await Shown(submission) is not { } p) return null;
            var response = await client.GetAsync(p._links["jats"].Href);
            return response.IsSuccessStatusCode ? await response.Content.ReadAsByteArrayAsync() : null;
        }

        public Task<SeenRefusal?> UploadGalley(Guid submission, GalleyFormat format, string label, SampleFile file) =>
            Send(submission, (p, me) =>
            {
                if (TheirTasks.Round(p.Rounds, me) is not { } round) return null;
                var (galley, order) = TheirTasks.GalleyFor(p.Galleys, format, TheirTasks.Language);
                return new(typeof(UploadGalley), round, FileBody(file),
                    $"?format={format}&label={Uri.EscapeDataString(label)}&language={TheirTasks.Language}&order={order}&galley={galley}");
            });

        public Task<SeenRefusal?> FinishTypesetting(Guid submission) =>
            Send(submission, (p, me) => TheirTasks.Round(p.Rounds, me) is { } round ? new(typeof(CompleteTypesetting), round, null) : null);

        public Task<SeenRefusal?> SendProofsToTheAuthor(Guid submission) =>
            Send(submission, (_, _) => new(typeof(SendProofs), null, Body(new { reader = ProofReaderKind.Author, due = Due })));

        public Task<SeenRefusal?> ApproveProofs(Guid submission) =>
            Send(submission, (p, me) => TheirTasks.Proof(p.Proofs, me) is { } proof ? new(typeof(ApproveProofs), proof.Id, Body(new { notes = (string?)null })) : null);

        public Task<SeenRefusal?> AskForProofCorrections(Guid submission, string galleyLabel, string note, SampleFile? annotated = null) =>
            Send(submission, (p, me) =>
            {
                if (TheirTasks.Proof(p.Proofs, me) is not { } proof || p.Galleys.FirstOrDefault(g => g.Label == galleyLabel && proof.Galleys.Contains(g.Id)) is not { } galley) return null;
                var request = new { corrections = new[] { new ProofCorrection(galley.Id, note) } };
                return new(typeof(RequestProofCorrections), proof.Id, annotated is null ? Body(request) : WithFile(request, annotated));
            });

        public Task<SeenRefusal?> SaveSuggestedPublicationDetails(Guid submission) =>
            Send(submission, (p, _) => new(typeof(SetPublicationDetails), null, Body(p.SuggestedDetails)));

        public Task<SeenRefusal?> MarkReadyToPublish(Guid submission) => Send(submission, (_, _) => new(typeof(MarkReadyToPublish), null, null));

        public Task<SeenRefusal?> CorrectTheTitle(Guid submission, string title) =>
            Send(submission, (p, _) => new(typeof(CorrectArticleMetadata), null, Body(new { title, @abstract = p.Abstract, keywords = p.Keywords })));
    }
}
