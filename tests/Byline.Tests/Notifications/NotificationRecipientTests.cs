using Byline.Data.Accounts;
using Byline.Data.Notifications;
using Byline.Tests.Accounts;
using Byline.Tests.InlineFeedback;
using Byline.Tests.Infrastructure;
using Byline.Tests.Moderation;
using Byline.Web.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace Byline.Tests.Notifications;

public sealed class NotificationRecipientTests
{
    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AReplyNotifiesTheParentsAuthorOnTheSiteAndByMailButNeverTheReplier(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        var reply = await factory.CommentAsync(ben, "Overdue, but twelve euros is too little.", parent);

        await factory.RunOutboxAsync();

        var notice = Assert.Single(await factory.NoticesOfAsync(ana));
        Assert.Equal((NotificationKind.Reply, reply, true), (notice.Kind, notice.CommentId, notice.Email));
        Assert.NotNull(notice.EmailedAt);
        Assert.Empty(await factory.NoticesOfAsync(ben));
        Assert.Equal(1, Mailbox.CountTo(factory, ana.Email));
        Assert.Equal(0, Mailbox.CountTo(factory, ben.Email));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AMentionByFullDisplayNameNotifiesACommenterOfTheSameStory(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben, cleo) = (await factory.CreateUserAsync(), await factory.CreateUserAsync(), await factory.CreateUserAsync());
        await factory.CommentAsync(ana, "Shore power first.");
        await factory.CommentAsync(ben, "Ferries idle for hours.");
        // Names hold a space ("Reader abc123"): the whole name after '@' is the mention.
        var mention = await factory.CommentAsync(cleo, $"I agree with @{ana.DisplayName}, not with @{ben.DisplayName[..4]}.");

        await factory.RunOutboxAsync();

        var notices = await factory.NoticesAboutAsync(mention);
        Assert.Equal([(ana.Id, NotificationKind.Mention)], notices.Select(n => (n.UserId, n.Kind)));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AResponseInAnInlineFeedbackThreadNotifiesItsOtherParticipants(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.AddStoryAsync(slug: NotificationKit.Slug, body: PassageKit.Body);
        var (ana, ben, cleo) = (await factory.CreateUserAsync(), await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var text = await factory.TextAsync(NotificationKit.Slug);
        using var anaClient = factory.ClientFor(ana);
        var root = (await anaClient.RespondOkAsync(NotificationKit.Slug, PassageKit.Anchor(text, "twelve euros per tonne"))).Id();
        var benReply = await factory.CommentAsync(ben, "Per tonne bought, says the council.", root);
        await factory.RunOutboxAsync();
        var cleoReply = await factory.CommentAsync(cleo, "Bought, and burned elsewhere.", benReply);

        await factory.RunOutboxAsync();

        Assert.Equal([(ana.Id, NotificationKind.Reply)], (await factory.NoticesAboutAsync(benReply)).Select(n => (n.UserId, n.Kind)));
        var notices = (await factory.NoticesAboutAsync(cleoReply)).Select(n => (n.UserId, n.Kind)).Order().ToList();
        Assert.Equal(new[] { (ana.Id, NotificationKind.Passage), (ben.Id, NotificationKind.Reply) }.Order(), notices);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task FollowersAndTheStorysWritersHearOfEveryNewComment(string provider)
    {
        using var factory = new BylineFactory(provider);
        var writer = await factory.CreateUserAsync(Roles.Writer);
        await factory.StoryAsync(writers: [writer.DisplayName]);
        var (follower, ana) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        await factory.SetSubscriptionAsync(follower, "follow");

        var comment = await factory.CommentAsync(ana, "A new thread.");
        await factory.RunOutboxAsync();

        var notices = (await factory.NoticesAboutAsync(comment)).Select(n => (n.UserId, n.Kind)).Order().ToList();
        Assert.Equal(new[] { (follower.Id, NotificationKind.Following), (writer.Id, NotificationKind.OnMyStory) }.Order(), notices);
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task AMutedStorySilencesEvenRepliesAndSettingsOffSilenceTheirKind(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (muter, quiet, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var mutersComment = await factory.CommentAsync(muter, "I said my piece.");
        var quietsComment = await factory.CommentAsync(quiet, "Me too.");
        await factory.SetSubscriptionAsync(muter, "mute");
        await factory.ChangeAccountAsync(quiet, u => u.NotifyOnReply = false);

        await factory.CommentAsync(ben, "Not so fast.", mutersComment);
        await factory.CommentAsync(ben, "Nor you.", quietsComment);
        await factory.RunOutboxAsync();

        Assert.Empty(await factory.NoticesOfAsync(muter));
        Assert.Empty(await factory.NoticesOfAsync(quiet));
        Assert.Empty(Mailbox.All(factory));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task TheMostPersonalReasonWinsAndEachAccountGetsOneNoticePerComment(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        await factory.SetSubscriptionAsync(ana, "follow");
        var parent = await factory.CommentAsync(ana, "Shore power first.");
        var reply = await factory.CommentAsync(ben, $"@{ana.DisplayName} yes, shore power first.", parent);

        await factory.RunOutboxAsync();

        var notice = Assert.Single(await factory.NoticesAboutAsync(reply));
        Assert.Equal((ana.Id, NotificationKind.Reply), (notice.UserId, notice.Kind));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task DecidingTwiceForTheSameCommentMakesOneNoticeAndOneMail(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        var reply = await factory.CommentAsync(ben, "It is.", parent);
        await factory.RunOutboxAsync();

        // The worker may run a message again (a crash after the work, before it was marked done).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetServices<Byline.Web.Hosting.Outbox.IOutboxHandler>().OfType<CommentNotices>().Single();
            await handler.HandleAsync($$"""{"commentId":{{reply}}}""", CancellationToken.None);
        }
        await factory.RunOutboxAsync();
        factory.Time.Advance(TimeSpan.FromHours(2));
        await factory.RunOutboxAsync();

        Assert.Single(await factory.NoticesOfAsync(ana));
        Assert.Equal(1, Mailbox.CountTo(factory, ana.Email));
    }

    [Theory, MemberData(nameof(Databases.All), MemberType = typeof(Databases))]
    public async Task ACommentHeldForModerationNotifiesOnlyOnceAModeratorApprovesIt(string provider)
    {
        using var factory = new BylineFactory(provider);
        await factory.StoryAsync();
        var (ana, ben) = (await factory.CreateUserAsync(), await factory.CreateUserAsync());
        var moderator = await factory.ModeratorAsync();
        var parent = await factory.CommentAsync(ana, "The levy is overdue.");
        using var benClient = factory.ClientFor(ben);
        var held = await benClient.PostCreatedAsync(NotificationKit.Slug, ModerationKit.Held(ModerationKit.Marker("held")), parent);
        Assert.Equal("pending", held.Status());

        await factory.RunOutboxAsync();
        Assert.Empty(await factory.NoticesOfAsync(ana));

        using var moderatorClient = factory.ClientFor(moderator);
        await moderatorClient.DecideOkAsync(held.Id(), "approve");
        await factory.RunOutboxAsync();

        var notice = Assert.Single(await factory.NoticesOfAsync(ana));
        Assert.Equal((held.Id(), NotificationKind.Reply), (notice.CommentId, notice.Kind));
    }

    [Fact]
    public void MentionsMatchWholeNamesWithSpacesTheLongestFirstAndNotEmailAddresses()
    {
        Mentions.Candidate[] candidates = [new("ann", "Ann"), new("annlee", "Ann Lee"), new("mara", "Mara Quist"), new("bo", "Bo")];

        Assert.Equal(["annlee"], Mentions.Find("Thanks @Ann Lee, good point.", candidates).Order());
        Assert.Equal(["ann", "mara"], Mentions.Find("@ann and @MARA QUIST!", candidates).Order());
        Assert.Empty(Mentions.Find("@Annabel, @Bob and bo@example.com", candidates));
        Assert.Equal(["bo"], Mentions.Find("(@Bo)", candidates));
    }

    [Fact]
    public void AMailGoesAtOnceAfterAQuietPeriodElseAtTheEndOfTheWindowAndADigestWaits()
    {
        var now = new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now, NotificationRules.MailDue(NotificationKind.Reply, now, null));
        Assert.Equal(now, NotificationRules.MailDue(NotificationKind.Reply, now, now.AddMinutes(-10)));
        Assert.Equal(now.AddMinutes(7), NotificationRules.MailDue(NotificationKind.Reply, now, now.AddMinutes(-3)));
        Assert.Equal(now.AddHours(1), NotificationRules.MailDue(NotificationKind.OnMyStory, now, now.AddMinutes(-3)));
    }
}
