using System.Text.Json;
using Runway.Simulator.Validation;

namespace Runway.Simulator.Resources;

/// <summary>/v1/documents: knowledge documents avatars read (documents.d.ts).</summary>
public static partial class CharacterApi
{
    private static void MapDocuments(WebApplication app)
    {
        app.MapPost("/v1/documents", CreateDocumentAsync);
        app.MapGet("/v1/documents", ListDocuments);
        app.MapGet("/v1/documents/{id}", (string id, HttpContext ctx, CharacterStore s, OutputSigner signer) =>
        {
            lock (s.Gate)
                return s.Documents.TryGetValue(id, out var d) ? Results.Json(DocumentJson(d, s, ctx.Request, signer, withContent: true)) : NotFound("Document");
        });
        app.MapPatch("/v1/documents/{id}", UpdateDocumentAsync);
        app.MapDelete("/v1/documents/{id}", (string id, CharacterStore s) =>
        {
            lock (s.Gate)
            {
                if (!s.Documents.Remove(id)) return NotFound("Document");
                foreach (var a in s.Avatars.Values) a.DocumentIds.Remove(id);
                return Results.StatusCode(204);
            }
        });
    }

    private static async Task<IResult> CreateDocumentAsync(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "content"]);
        var name = r.String("name", true, 1, int.MaxValue);
        var content = r.String("content", true, 1, int.MaxValue);
        if (content is not null && CharacterStore.EstimateTokens(content) > CharacterStore.MaxKnowledgeTokensPerAvatar)
            v.Add(["content"], $"A document must fit an avatar's knowledge limit of {CharacterStore.MaxKnowledgeTokensPerAvatar} tokens");
        if (v.Failed) return Http.ValidationError(v.Issues);
        var now = DateTimeOffset.UtcNow;
        var doc = new KnowledgeDocument { Id = Guid.NewGuid().ToString(), CreatedAt = now, UpdatedAt = now, Name = name!, Content = content! };
        lock (s.Gate)
        {
            s.Documents[doc.Id] = doc;
            return Results.Json(DocumentJson(doc, s, ctx.Request, signer, withContent: true));
        }
    }

    private static IResult ListDocuments(HttpContext ctx, CharacterStore s, UploadStore uploads, OutputSigner signer)
    {
        var v = new ValidationContext(uploads);
        var q = new ResourceHttp.Query(ctx.Request, v, "limit", "cursor", "order", "sort");
        var order = q.Enum("order", true, "asc", "desc");
        var sort = q.Enum("sort", true, "createdAt", "updatedAt");
        lock (s.Gate)
        {
            IEnumerable<KnowledgeDocument> docs = s.Documents.Values;
            Func<KnowledgeDocument, DateTimeOffset> key = sort == "updatedAt" ? d => d.UpdatedAt : d => d.CreatedAt;
            var items = (order == "asc" ? docs.OrderBy(key) : docs.OrderByDescending(key)).ThenBy(d => d.Id, StringComparer.Ordinal).ToList();
            var page = ResourceHttp.Page(items, q, $"documents.{sort}.{order}", d => DocumentJson(d, s, ctx.Request, signer, withContent: false), out _);
            return v.Failed ? ResourceHttp.QueryError(v.Issues) : Results.Json(page);
        }
    }

    private static async Task<IResult> UpdateDocumentAsync(HttpContext ctx, string id, CharacterStore s, UploadStore uploads)
    {
        var (body, error) = await Http.ReadJsonObjectAsync(ctx);
        if (error is not null) return error;
        var v = new ValidationContext(uploads);
        var r = new ObjectReader(body, [], v, ["name", "content"]);
        var name = r.String("name", false, 1, int.MaxValue);
        var content = r.String("content", false, 1, int.MaxValue);
        if (!r.Has("name") && !r.Has("content")) v.Add([], "At least one of name or content must be provided");
        lock (s.Gate)
        {
            if (!s.Documents.TryGetValue(id, out var doc)) return NotFound("Document");
            if (content is not null)
                foreach (var a in s.Avatars.Values.Where(a => a.DocumentIds.Contains(id)))
                    if (s.KnowledgeTokens(a.DocumentIds, id, content) > CharacterStore.MaxKnowledgeTokensPerAvatar)
                        v.Add(["content"], $"Avatar {a.Id} would exceed its knowledge limit of {CharacterStore.MaxKnowledgeTokensPerAvatar} tokens");
            if (v.Failed) return Http.ValidationError(v.Issues);
            if (name is not null) doc.Name = name;
            if (content is not null) doc.Content = content;
            doc.UpdatedAt = DateTimeOffset.UtcNow;
            return Results.StatusCode(204);
        }
    }

    private static Dictionary<string, object?> DocumentJson(KnowledgeDocument d, CharacterStore s, HttpRequest request, OutputSigner signer, bool withContent)
    {
        var json = new Dictionary<string, object?> { ["id"] = d.Id };
        if (withContent) json["content"] = d.Content;
        json["createdAt"] = Http.IsoTime(d.CreatedAt);
        json["name"] = d.Name;
        json["type"] = "text";
        json["updatedAt"] = Http.IsoTime(d.UpdatedAt);
        json["usedBy"] = s.Avatars.Values.Where(a => a.DocumentIds.Contains(d.Id)).OrderBy(a => a.CreatedAt)
            .Select(a => new { id = a.Id, imageUrl = ProcessedImage(a, request, signer, s.Settings), name = a.Name }).ToList();
        return json;
    }
}
