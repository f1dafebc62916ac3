using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Api;

/// <summary>The REST API describes every one of its routes in an OpenAPI document anyone may read, and on a page people can browse.</summary>
public sealed partial class OpenApiTests(PortalFixture fixture)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_openapi_document_describes_every_api_route_and_the_reference_page_lists_them()
    {
        using var anonymous = fixture.Portal.CreateClient();
        var document = await anonymous.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Token);
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();

        var routes = fixture.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => $"{m} {Constraints().Replace(e.RoutePattern.RawText!, "").TrimEnd('/')}"))
            .ToHashSet();
        Assert.True(routes.Count >= 40, $"Only {routes.Count} API routes were found.");
        Assert.Empty(routes.Except(described));

        var page = await anonymous.GetStringAsync("/api-reference", Token);
        Assert.Equal(routes.Count, Regex.Count(page, "data-testid=\"api-operation\""));
    }

    [GeneratedRegex(":[^}/]+(?=})")]
    private static partial Regex Constraints();
}
