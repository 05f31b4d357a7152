using Byline.Data.Accounts;
using Byline.Data.Articles;
using Byline.Data.Audit;
using Byline.Data.Comments;
using Byline.Data.Live;
using Byline.Data.Notifications;
using Byline.Data.Outbox;
using Byline.Data.Search;
using Byline.Data.Media;
using Byline.Data.Site;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Byline.Data;

/// <summary>
/// Byline's one database: content, discussion, accounts (Identity, schema version 3 with passkeys) and the Data
/// Protection keys, so that every node of a multi-node install reads every cookie and token.
/// </summary>
public sealed class BylineDbContext(DbContextOptions<BylineDbContext> options)
    : IdentityDbContext<BylineUser>(options), IDataProtectionKeyContext
{
    /// <summary>The Identity schema this model is built with; the app and both design-time factories must set it.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ArticleRevision> ArticleRevisions => Set<ArticleRevision>();
    public DbSet<ArticleCorrection> ArticleCorrections => Set<ArticleCorrection>();
    public DbSet<StoredImage> Images => Set<StoredImage>();
    public DbSet<ImageRendition> ImageRenditions => Set<ImageRendition>();
    public DbSet<Writer> Writers => Set<Writer>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentAnchor> CommentAnchors => Set<CommentAnchor>();
    public DbSet<CommentDecision> CommentDecisions => Set<CommentDecision>();
    public DbSet<CommentReason> CommentReasons => Set<CommentReason>();
    public DbSet<CommentFlag> CommentFlags => Set<CommentFlag>();
    public DbSet<ClassifierFeature> ClassifierFeatures => Set<ClassifierFeature>();
    public DbSet<CommentVote> CommentVotes => Set<CommentVote>();
    public DbSet<CommentEdit> CommentEdits => Set<CommentEdit>();
    public DbSet<DiscussionEvent> DiscussionEvents => Set<DiscussionEvent>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StorySubscription> StorySubscriptions => Set<StorySubscription>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<SearchDocument> SearchDocuments => Set<SearchDocument>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

    /// <summary>
    /// Identity picks its schema from the app's <see cref="IdentityOptions"/>. Design-time tools and contexts made by
    /// hand have no app services, so they get a provider that states the schema this model is built with.
    /// </summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(SchemaOnlyServices.Value);
        }
    }

    private static readonly Lazy<IServiceProvider> SchemaOnlyServices = new(() => new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema)
        .BuildServiceProvider());

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        if (IsSqlite)
        {
            // SQLite has no instant type: EF stores DateTimeOffset as text it cannot compare or sort in SQL.
            // All instants are UTC, so UTC ticks sort and compare correctly as integers.
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var modelBuilder = builder;
        base.OnModelCreating(modelBuilder);
        if (modelBuilder.Model.FindEntityType(typeof(IdentityUserPasskey<string>)) is null)
        {
            throw new InvalidOperationException(
                $"Identity must be configured with schema version {IdentitySchema} (Stores.SchemaVersion) for Byline's model.");
        }

        modelBuilder.Entity<BylineUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(80);
            user.Property(u => u.Bio).HasMaxLength(2000);
            user.Property(u => u.BanReason).HasMaxLength(500);
            user.Property(u => u.DiscussionSort).HasMaxLength(16);
            user.HasOne<Writer>().WithOne().HasForeignKey<BylineUser>(u => u.WriterId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<ApiToken>(token =>
        {
            token.HasIndex(t => t.Hash).IsUnique();
            token.HasIndex(t => t.UserId);
            token.Property(t => t.Name).HasMaxLength(80);
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Hint).HasMaxLength(16);
            token.HasOne<BylineUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            entry.HasIndex(e => new { e.At, e.Id });
            entry.Property(e => e.ActorUserId).HasMaxLength(64);
            entry.Property(e => e.ActorName).HasMaxLength(120);
            entry.Property(e => e.Action).HasMaxLength(64);
            entry.Property(e => e.Target).HasMaxLength(120);
            entry.Property(e => e.Detail).HasMaxLength(2000);
        });

        modelBuilder.Entity<ArticleRevision>(revision =>
        {
            revision.HasIndex(r => new { r.ArticleId, r.Number }).IsUnique();
            revision.Property(r => r.AuthorUserId).HasMaxLength(64);
            revision.Property(r => r.AuthorName).HasMaxLength(120);
            revision.Property(r => r.Note).HasMaxLength(500);
            revision.Property(r => r.Headline).HasMaxLength(300);
            revision.Property(r => r.Standfirst).HasMaxLength(1000);
            revision.HasOne<Article>().WithMany().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ArticleCorrection>(correction =>
        {
            correction.HasIndex(c => new { c.CreatedAt, c.Id });
            correction.Property(c => c.Kind).HasConversion<string>().HasMaxLength(16);
            correction.Property(c => c.Text).HasMaxLength(4000);
            correction.Property(c => c.CreatedByUserId).HasMaxLength(64);
        });

        modelBuilder.Entity<StoredImage>(image =>
        {
            image.HasIndex(i => i.Key).IsUnique();
            image.Property(i => i.Key).HasMaxLength(32);
            image.Property(i => i.Alt).HasMaxLength(500);
            image.Property(i => i.Caption).HasMaxLength(1000);
            image.Property(i => i.Credit).HasMaxLength(200);
            image.Property(i => i.UploadedByUserId).HasMaxLength(64);
            image.HasMany(i => i.Renditions).WithOne().HasForeignKey(r => r.ImageId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ImageRendition>(rendition =>
        {
            rendition.HasKey(r => new { r.ImageId, r.Width, r.ContentType });
            rendition.Property(r => r.ContentType).HasMaxLength(32);
        });

        modelBuilder.Entity<Writer>(writer =>
        {
            writer.HasIndex(w => w.Slug).IsUnique();
            writer.Property(w => w.Slug).HasMaxLength(120);
            writer.Property(w => w.DisplayName).HasMaxLength(120);
            writer.Property(w => w.Bio).HasMaxLength(2000);
        });

        modelBuilder.Entity<Section>(section =>
        {
            section.HasIndex(s => s.Slug).IsUnique();
            section.Property(s => s.Slug).HasMaxLength(80);
            section.Property(s => s.Name).HasMaxLength(120);
        });

        modelBuilder.Entity<Article>(article =>
        {
            article.HasIndex(a => a.Slug).IsUnique();
            article.HasIndex(a => new { a.State, a.PublishedAt, a.Id });
            article.HasIndex(a => new { a.SectionId, a.State, a.PublishedAt, a.Id });
            // The scheduler's scan: scheduled stories by due time.
            article.HasIndex(a => new { a.State, a.PublishAt });
            article.Property(a => a.State).HasConversion<string>().HasMaxLength(16);
            article.Property(a => a.Type).HasConversion<string>().HasMaxLength(16);
            article.Property(a => a.UnpublishedReason).HasMaxLength(1000);
            article.Property(a => a.CreatedByUserId).HasMaxLength(64);
            article.Property(a => a.Revision).IsConcurrencyToken();
            article.HasOne<StoredImage>().WithMany().HasForeignKey(a => a.LeadImageId).OnDelete(DeleteBehavior.SetNull);
            article.HasMany(a => a.Corrections).WithOne().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            article.Property(a => a.Slug).HasMaxLength(200);
            article.Property(a => a.Headline).HasMaxLength(300);
            article.Property(a => a.Standfirst).HasMaxLength(1000);
            article.Property(a => a.Language).HasMaxLength(35);
            article.Property(a => a.DisclaimerMode).HasConversion<string>().HasMaxLength(16);
            article.HasOne(a => a.Section).WithMany().HasForeignKey(a => a.SectionId).OnDelete(DeleteBehavior.Restrict);
            article.HasMany(a => a.Bylines).WithOne().HasForeignKey(b => b.ArticleId).OnDelete(DeleteBehavior.Cascade);
            article.OwnsOne(a => a.Source, source =>
            {
                source.Property(s => s.Outlet).HasMaxLength(200).HasColumnName("SourceOutlet");
                source.Property(s => s.OriginalTitle).HasMaxLength(500).HasColumnName("SourceTitle");
                source.Property(s => s.OriginalDate).HasColumnName("SourceDate");
                source.Property(s => s.Url).HasMaxLength(2000).HasColumnName("SourceUrl");
            });
            article.Navigation(a => a.Source).IsRequired(false);
        });

        modelBuilder.Entity<ArticleByline>(byline =>
        {
            byline.HasKey(b => new { b.ArticleId, b.Position });
            byline.HasIndex(b => b.WriterId);
            byline.HasOne(b => b.Writer).WithMany().HasForeignKey(b => b.WriterId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<Comment>(comment =>
        {
            // Top-level threads of an article, newest first: RootId IS NULL, keyset on (CreatedAt, Id).
            comment.HasIndex(c => new { c.ArticleId, c.RootId, c.CreatedAt, c.Id });
            // All replies of a page of threads in one query.
            comment.HasIndex(c => new { c.RootId, c.CreatedAt, c.Id });
            comment.Property(c => c.AuthorName).HasMaxLength(80);
            comment.Property(c => c.AuthorEmail).HasMaxLength(254);
            comment.Property(c => c.AuthorUserId).HasMaxLength(64);
            comment.Property(c => c.Language).HasMaxLength(35);
            comment.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            comment.HasOne<Article>().WithMany().HasForeignKey(c => c.ArticleId).OnDelete(DeleteBehavior.Cascade);
            comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
            comment.HasOne<Comment>().WithMany().HasForeignKey(c => c.RootId).OnDelete(DeleteBehavior.Restrict);
            comment.HasOne(c => c.Anchor).WithOne().HasForeignKey<CommentAnchor>(a => a.CommentId).OnDelete(DeleteBehavior.Cascade);
            // The moderation queues: a state, oldest or newest first.
            comment.HasIndex(c => new { c.Status, c.StatusChangedAt, c.Id });
            // An author's history, and "has this account an approved comment yet".
            comment.HasIndex(c => new { c.AuthorUserId, c.Status });
            // The same text posted again within the window.
            comment.HasIndex(c => new { c.BodyHash, c.CreatedAt });
            comment.Property(c => c.BodyHash).HasMaxLength(32);
            comment.Property(c => c.StatusNote).HasMaxLength(500);
            comment.Property(c => c.SpamExplanation).HasMaxLength(500);
            comment.Property(c => c.AppealNote).HasMaxLength(500);
            comment.Property(c => c.TrainedAs).HasMaxLength(8);
            // "Most voted" threads: keyset on (Score, CreatedAt, Id) among a story's top-level comments.
            comment.HasIndex(c => new { c.ArticleId, c.RootId, c.Score, c.CreatedAt, c.Id });
            comment.Property(c => c.FeaturedByUserId).HasMaxLength(64);
            comment.HasMany(c => c.Reasons).WithOne().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentReason>(reason =>
        {
            reason.HasIndex(r => new { r.CommentId, r.Code });
            reason.HasIndex(r => r.Code);
            reason.Property(r => r.Code).HasMaxLength(32);
            reason.Property(r => r.Detail).HasMaxLength(200);
        });

        modelBuilder.Entity<CommentDecision>(decision =>
        {
            decision.HasIndex(d => new { d.CommentId, d.Id });
            // Metrics: decisions in a period, per moderator.
            decision.HasIndex(d => new { d.At, d.Source });
            decision.Property(d => d.From).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.To).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.Source).HasConversion<string>().HasMaxLength(16);
            decision.Property(d => d.ActorUserId).HasMaxLength(64);
            decision.Property(d => d.ActorName).HasMaxLength(80);
            decision.Property(d => d.Reason).HasMaxLength(1000);
            decision.HasOne<Comment>().WithMany().HasForeignKey(d => d.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentFlag>(flag =>
        {
            flag.HasIndex(f => new { f.CommentId, f.UserId }).IsUnique();
            flag.HasIndex(f => new { f.Resolved, f.CommentId });
            flag.Property(f => f.UserId).HasMaxLength(64);
            flag.Property(f => f.Reason).HasConversion<string>().HasMaxLength(16);
            flag.Property(f => f.Note).HasMaxLength(500);
            flag.HasOne<Comment>().WithMany().HasForeignKey(f => f.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<ClassifierFeature>(feature =>
        {
            feature.HasKey(f => f.Feature);
            feature.Property(f => f.Feature).HasMaxLength(200);
        });

        modelBuilder.Entity<CommentAnchor>(anchor =>
        {
            anchor.HasKey(a => a.CommentId);
            // Re-anchoring loads every passage of one story.
            anchor.HasIndex(a => a.ArticleId);
            anchor.Property(a => a.Exact).HasMaxLength(1000);
            anchor.Property(a => a.CurrentQuote).HasMaxLength(4000);
            // 32 UTF-16 code units of context, plus one when the edge would split a surrogate pair.
            anchor.Property(a => a.Prefix).HasMaxLength(40);
            anchor.Property(a => a.Suffix).HasMaxLength(40);
            anchor.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(16);
            anchor.HasOne<Article>().WithMany().HasForeignKey(a => a.ArticleId).OnDelete(DeleteBehavior.Cascade);
            anchor.HasOne<ArticleCorrection>().WithMany().HasForeignKey(a => a.AddressedByCorrectionId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.Entity<CommentVote>(vote =>
        {
            vote.HasKey(v => new { v.CommentId, v.UserId });
            // A reader's votes on a page of comments; their export.
            vote.HasIndex(v => v.UserId);
            vote.Property(v => v.UserId).HasMaxLength(64);
            vote.HasOne<Comment>().WithMany().HasForeignKey(v => v.CommentId).OnDelete(DeleteBehavior.Cascade);
            vote.HasOne<BylineUser>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CommentEdit>(edit =>
        {
            edit.HasIndex(e => new { e.CommentId, e.Revision }).IsUnique();
            edit.HasOne<Comment>().WithMany().HasForeignKey(e => e.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<DiscussionEvent>(e =>
        {
            // A story's events after the one a reader last saw.
            e.HasIndex(x => new { x.ArticleId, x.Id });
            e.HasIndex(x => x.At);
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
            e.HasOne<Article>().WithMany().HasForeignKey(x => x.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Notification>(notification =>
        {
            notification.HasIndex(n => new { n.UserId, n.CommentId }).IsUnique();
            // The list, newest first; the unread count.
            notification.HasIndex(n => new { n.UserId, n.Id });
            notification.HasIndex(n => new { n.UserId, n.ReadAt });
            // The mail of one reader's notifications on one story.
            notification.HasIndex(n => new { n.UserId, n.ArticleId, n.EmailedAt });
            notification.Property(n => n.UserId).HasMaxLength(64);
            notification.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16);
            notification.HasOne<BylineUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
            notification.HasOne<Comment>().WithMany().HasForeignKey(n => n.CommentId).OnDelete(DeleteBehavior.Cascade);
            notification.HasOne<Article>().WithMany().HasForeignKey(n => n.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StorySubscription>(subscription =>
        {
            subscription.HasKey(s => new { s.UserId, s.ArticleId });
            // Followers of a story, when a comment arrives.
            subscription.HasIndex(s => new { s.ArticleId, s.Mode });
            subscription.Property(s => s.UserId).HasMaxLength(64);
            subscription.Property(s => s.Mode).HasConversion<string>().HasMaxLength(16);
            subscription.HasOne<BylineUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
            subscription.HasOne<Article>().WithMany().HasForeignKey(s => s.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<OutboxMessage>(message =>
        {
            // Workers claim the oldest due message that is not done.
            message.HasIndex(m => new { m.DoneAt, m.DueAt, m.Id });
            message.Property(m => m.Kind).HasMaxLength(64);
            message.Property(m => m.LastError).HasMaxLength(2000);
        });

        modelBuilder.Entity<SearchDocument>(doc =>
        {
            // One row per story and per comment; the full-text index itself is engine SQL in each migration set.
            doc.HasIndex(d => d.ArticleId).IsUnique().HasFilter("\"CommentId\" IS NULL");
            doc.HasIndex(d => d.CommentId).IsUnique();
            doc.HasOne<Article>().WithMany().HasForeignKey(d => d.ArticleId).OnDelete(DeleteBehavior.Cascade);
            doc.HasOne<Comment>().WithMany().HasForeignKey(d => d.CommentId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.SiteName).HasMaxLength(120);
            settings.Property(s => s.DefaultDisclaimer).HasMaxLength(2000);
            settings.Property(s => s.TimeZone).HasMaxLength(64);
            settings.Property(s => s.PreModeration).HasConversion<string>().HasMaxLength(16);
            settings.Property(s => s.BannedWords).HasMaxLength(20_000);
            settings.Property(s => s.SuspectWords).HasMaxLength(20_000);
            settings.Property(s => s.SiteDescription).HasMaxLength(300);
            settings.HasOne<StoredImage>().WithMany().HasForeignKey(s => s.SiteImageId).OnDelete(DeleteBehavior.SetNull);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
