using EditorialPortal.Api;
using EditorialPortal.Domain.Authorisation;
using EditorialPortal.Domain.Submissions;
using EditorialPortal.Tests.Support;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EditorialPortal.Tests.Api;

/// <summary>
/// Every command a person issues on a manuscript has its place in the one route table, and every place in the table is
/// an endpoint the portal answers: a new command without a route fails here, not halfway through an HTTP scenario.
/// </summary>
public sealed class RouteTableTests(PortalFixture fixture)
{
    public static TheoryData<string> CommandsPeopleIssue =>
        [.. typeof(SubmissionCommand).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(SubmissionCommand).IsAssignableFrom(t))
            .Where(t => SubmissionUseCases.All.Commands.For(t).Rule.Who != Who.ThePortal)
            .Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(CommandsPeopleIssue))]
    public void Every_command_people_issue_on_a_manuscript_has_a_route_and_a_link_relation(string command)
    {
        var route = SubmissionRoutes.Commands.SingleOrDefault(r => r.Command.Name == command);
        Assert.True(route is not null, $"{command} has no route in the route table.");
        Assert.False(string.IsNullOrWhiteSpace(route.Rel));
    }

    [Fact]
    public void Link_relations_are_one_per_command()
    {
        var repeated = SubmissionRoutes.Commands.Where(r => r.Command != typeof(StartSubmission)).GroupBy(r => r.Rel).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(repeated);
    }

    [Fact]
    public void Every_route_in_the_table_is_an_endpoint_that_takes_a_post()
    {
        var posts = fixture.Portal.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => e.RoutePattern.RawText!.TrimEnd('/'))
            .ToHashSet();
        Assert.All(SubmissionRoutes.Commands, route =>
        {
            var pattern = route.Path.Length == 0 ? "/api/submissions" : $"/api/submissions/{{id:guid}}/{route.Path}";
            Assert.True(posts.Contains(pattern), $"{route.Command.Name}: nothing answers POST {pattern}.");
        });
    }
}
