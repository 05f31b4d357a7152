using Byline.Data;
using Byline.Data.Comments;
using Byline.Web.Accounts;
using Byline.Web.Articles;
using Byline.Web.Data;
using Byline.Web.Hosting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Byline.Web.Comments;

public static class CommentsFeature
{
    /// <summary>Large enough for a 10,000-character comment in any script as JSON-escaped UTF-8, small enough to refuse abuse early.</summary>
    public const long MaxRequestBytes = 256 * 1024;

    public static IServiceCollection AddComments(this IServiceCollection services)
    {
        services.AddSingleton<CommentRenderer>();
        services.AddScoped<CommentPosting>();
        services.AddScoped<CommentEditing>();
        services.AddScoped<CommentFormGuard>();
        return services;
    }

    public static IEndpointRouteBuilder MapComments(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/articles/{slug}/comments").WithTags("Comments");
        api.MapGet("/", ListAsync).WithName("ListComments")
            .WithSummary("Visible comments of a story as threads, keyset-paged with ?after=. ?sort=newest (the default; editors' picks, "
                + "marked featured, come first on the first page) | oldest | top (score, then newest) | featured (featured threads only).");
        api.MapPost("/", PostAsync).WithName("PostComment")
            .WithSummary("Posts a comment or a reply (parentId). Guests give authorName and optionally authorEmail, which is never shown; "
                + "a signed-in caller (API token or cookie) posts under their account's display name, and the two fields are ignored. "
                + "The answer's status is 'approved' (visible now) or 'pending' (awaiting moderation). 429 rate-limited with Retry-After; "
                + "403 user-banned with 'until'.")
            .WithMetadata(new RequestSizeLimitAttribute(MaxRequestBytes))
            .Accepts<CommentSubmission>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);

        app.MapGet(InlineFeedback.CommentLinks.Route, ShowAsync)
            .ExcludeFromDescription();
        app.MapGet("/api/v1/comments/{id:long}", GetAsync).WithTags("Comments").WithName("GetComment")
            .WithSummary("One visible comment.");
        app.MapOwnComments();
        return app;
    }

    public static async Task<Results<Ok<ThreadPageDto>, ProblemHttpResult>> ListAsync(
        string slug, string? after, string? sort, int? limit, BylineDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var article = await db.Articles.AsNoTracking().Published().Where(a => a.Slug == slug)
            .Select(a => new { a.Id, Total = a.CommentCount + a.InlineFeedbackCount, SectionSlug = a.Section.Slug }).FirstOrDefaultAsync(cancellationToken);
        if (article is null)
        {
            return Problems.From(CommentError.ArticleNotFound);
        }
        if (sort is not null && !Votes.ThreadSorts.TryParse(sort, out _))
        {
            return Problems.Create(400, "invalid-sort", "'sort' must be newest, oldest, top or featured.", "sort");
        }
        var choice = Votes.SortChoice.ForApi(sort, after);
        if (choice.Invalid)
        {
            return Problems.Create(400, "invalid-cursor", "The 'after' cursor is not one this API gave out for this sort.");
        }
        var size = limit ?? ThreadPage.DefaultSize;
        if (size is < 1 or > ThreadPage.MaxSize)
        {
            return Problems.Create(400, "invalid-limit", $"'limit' must be between 1 and {ThreadPage.MaxSize}.");
        }

        var page = await ThreadPage.LoadAsync(db, article.Id, choice.Sort, choice.Cursor, size, time.GetUtcNow(), cancellationToken);
        var path = ArticlePaths.Story(article.SectionSlug, slug);
        return TypedResults.Ok(new ThreadPageDto(
            page.Picks.Concat(page.Threads).Select(t => CommentDto.From(t, path)).ToList(), article.Total, page.Next?.ToString())
        {
            Sort = Votes.ThreadSorts.Name(page.Sort),
        });
    }

    public static async Task<Results<Created<CommentDto>, ProblemHttpResult>> PostAsync(
        string slug, HttpRequest request, CommentPosting posting, CurrentUser user, CancellationToken cancellationToken)
    {
        // CSRF: a browser's cookie comes along with a cross-site request, an API token does not. A cookie-authenticated
        // post must therefore be one another site cannot make: JsonBody requires Content-Type: application/json, which
        // no HTML form can send and a cross-site fetch can send only after a CORS preflight that Byline never grants;
        // the session cookie is SameSite=Lax besides; and a browser that says the request is cross-site is refused.
        var author = CommentAuthor.Of(user);
        if (author is not null && !ApiTokenHandler.HasBearerToken(request) && !SameOriginForm.IsAllowed(request))
        {
            return Problems.From(CommentError.CrossSite);
        }
        var (submission, problem) = await JsonBody.ReadAsync<CommentSubmission>(request, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }
        var (posted, error) = await posting.PostAsync(slug, submission!, author, Moderation.SubmitSignals.Of(request.HttpContext), cancellationToken);
        if (error is not null)
        {
            Problems.AddHeaders(request.HttpContext.Response, error);
            return Problems.From(error);
        }
        var dto = CommentDto.ForAuthor(posted!.Comment, ArticlePaths.Story(posted.SectionSlug, posted.Article.Slug));
        return TypedResults.Created($"/api/v1/comments/{dto.Id}", dto);
    }

    /// <summary>A comment's place in the discussion: the story page when its thread is on the first page, else the page that starts with it.</summary>
    public static async Task<Results<RedirectHttpResult, NotFound>> ShowAsync(long id, BylineDbContext db, CancellationToken cancellationToken)
    {
        var found = await CommentInStory.Published(db.Comments.AsNoTracking().Where(c => c.Id == id && c.Status == CommentStatus.Approved), db)
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Redirect(await ThreadPage.LocationOfAsync(db, found.Comment, found.SectionSlug, found.Slug, cancellationToken));
    }

    /// <summary>A visible comment to anyone; a held one to its signed-in author only ("pending" whatever the checks found).</summary>
    public static async Task<Results<Ok<CommentDto>, ProblemHttpResult>> GetAsync(
        long id, BylineDbContext db, CurrentUser user, CancellationToken cancellationToken)
    {
        var viewer = user.Id;
        var found = await CommentInStory.Published(db.Comments.AsNoTracking().Include(c => c.Anchor)
            .Where(c => c.Id == id && (c.Status == CommentStatus.Approved
                || (viewer != null && c.AuthorUserId == viewer && c.Status != CommentStatus.Deleted))), db)
            .FirstOrDefaultAsync(cancellationToken);
        return found is null
            ? Problems.Create(404, "comment-not-found", "There is no such comment.")
            : TypedResults.Ok(CommentDto.ForAuthor(found.Comment, found.StoryPath));
    }
}
