using Byline.Data.Articles;
using Byline.Data.Comments;
using Byline.Data.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Byline.Data;

public sealed class BylineDbContext(DbContextOptions<BylineDbContext> options) : DbContext(options)
{
    public DbSet<Writer> Writers => Set<Writer>();
    public DbSet<Section> Sections => Set<Section>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<SiteSettings> SiteSettings => Set<SiteSettings>();

    public bool IsSqlite => Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite";

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

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);

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
            article.HasIndex(a => new { a.PublishedAt, a.Id });
            article.HasIndex(a => new { a.SectionId, a.PublishedAt, a.Id });
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
        });

        modelBuilder.Entity<SiteSettings>(settings =>
        {
            settings.Property(s => s.Id).ValueGeneratedNever();
            settings.Property(s => s.SiteName).HasMaxLength(120);
            settings.Property(s => s.DefaultDisclaimer).HasMaxLength(2000);
            settings.Property(s => s.TimeZone).HasMaxLength(64);
        });
    }

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
}
