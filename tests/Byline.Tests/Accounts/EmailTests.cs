using System.Buffers;
using System.Net;
using System.Net.Sockets;
using Byline.Tests.Infrastructure;
using Byline.Web.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Byline.Web.Hosting.Email;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using SmtpServer;
using SmtpServer.Authentication;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Byline.Tests.Accounts;

public sealed class EmailTests
{
    [Fact]
    public async Task WithoutSmtpEachMessageIsAnEmlFileAndTheNamesSortByTime()
    {
        var data = Path.Combine(Path.GetTempPath(), "byline-tests", Guid.NewGuid().ToString("N"));
        try
        {
            var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 12, 0, 0, TimeSpan.Zero));
            var transport = new FileMailTransport(Options.Create(new BylineOptions { DataDirectory = data }), time, NullLogger<FileMailTransport>.Instance);

            // Two in the same millisecond, then one a second later and one an hour later.
            await transport.SendAsync(Message("First", "Grüße, 你好 — plain text."), CancellationToken.None);
            await transport.SendAsync(Message("Second", "b"), CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(1));
            await transport.SendAsync(Message("Third", "c"), CancellationToken.None);
            time.Advance(TimeSpan.FromHours(1));
            await transport.SendAsync(Message("Fourth", "d"), CancellationToken.None);

            var files = Directory.GetFiles(Path.Combine(data, "mail")).Order(StringComparer.Ordinal).ToList();
            Assert.All(files, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
            var messages = files.Select(f => MimeMessage.Load(f)).ToList();
            Assert.Equal(["First", "Second", "Third", "Fourth"], messages.Select(m => m.Subject));
            Assert.StartsWith("20261127T120000000Z-", Path.GetFileName(files[0]), StringComparison.Ordinal);
            Assert.Equal("Grüße, 你好 — plain text.", messages[0].TextBody?.Trim());
            Assert.Equal("reader@example.test", messages[0].To.Mailboxes.Single().Address);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public async Task WithSmtpTheMessageReachesARealServerAfterSigningIn()
    {
        var port = FreePort();
        var store = new CapturingStore();
        var logins = new List<(string User, string Password)>();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        services.Add(new DelegatingUserAuthenticator((user, password) =>
        {
            lock (logins)
            {
                logins.Add((user, password));
            }
            return user == "byline" && password == "s3cret";
        }));
        var server = new SmtpServer.SmtpServer(options, services);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = server.StartAsync(stop.Token);
        try
        {
            var transport = new SmtpMailTransport(Options.Create(new EmailOptions
            {
                Host = "127.0.0.1",
                Port = port,
                User = "byline",
                Password = "s3cret",
                UseTls = false,
            }));

            await transport.SendAsync(Message("Confirm your email address", "Open this link: https://example.test/x"), stop.Token);

            var received = Assert.Single(store.Messages);
            Assert.Equal("Confirm your email address", received.Subject);
            Assert.Contains("https://example.test/x", received.TextBody, StringComparison.Ordinal);
            Assert.Equal("reader@example.test", received.To.Mailboxes.Single().Address);
            Assert.Equal([("byline", "s3cret")], logins);
        }
        finally
        {
            server.Shutdown();
            await stop.CancelAsync();
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        }
    }

    [Fact]
    public async Task AWrongSmtpPasswordIsAnErrorNotASilentSuccess()
    {
        var port = FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)).AllowUnsecureAuthentication(true).AuthenticationRequired(true))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        var store = new CapturingStore();
        services.Add(store);
        services.Add(new DelegatingUserAuthenticator((_, _) => false));
        var server = new SmtpServer.SmtpServer(options, services);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var running = server.StartAsync(stop.Token);
        try
        {
            var transport = new SmtpMailTransport(Options.Create(new EmailOptions { Host = "127.0.0.1", Port = port, User = "byline", Password = "wrong", UseTls = false }));

            await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => transport.SendAsync(Message("x", "y"), stop.Token));
            Assert.Empty(store.Messages);
        }
        finally
        {
            server.Shutdown();
            await stop.CancelAsync();
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        }
    }

    [Fact]
    public async Task WithAnSmtpHostConfiguredTheAppSendsAccountMailThereAndWritesNoFiles()
    {
        var port = FreePort();
        var store = new CapturingStore();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(store);
        var server = new SmtpServer.SmtpServer(options, services);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var running = server.StartAsync(stop.Token);
        try
        {
            using var plain = new BylineFactory();
            using var factory = plain.WithWebHostBuilder(host => host
                .UseSetting("Byline:Smtp:Host", "127.0.0.1")
                .UseSetting("Byline:Smtp:Port", port.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .UseSetting("Byline:Smtp:UseTls", "false")
                .UseSetting("Byline:Smtp:From", "newsroom@byline.example"));
            using var visitor = new AccountSession(factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));

            var response = await visitor.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@example.test" });
            var registered = await visitor.SubmitAsync("/account/register", new Dictionary<string, string>
            {
                ["Email"] = "smtp-reader@example.test", ["DisplayName"] = "Smtp Reader", ["Password"] = "a long enough password", ["ConfirmPassword"] = "a long enough password",
            });

            Assert.Equal(System.Net.HttpStatusCode.Redirect, registered.StatusCode);
            var mail = Assert.Single(store.Messages);
            Assert.Equal("Confirm your email address", mail.Subject);
            Assert.Equal(("Byline", "newsroom@byline.example"), (mail.From.Mailboxes.Single().Name, mail.From.Mailboxes.Single().Address));
            Assert.Contains("https://localhost/account/confirm?user=", mail.TextBody, StringComparison.Ordinal);
            var folder = factory.Services.GetRequiredService<FileMailTransport>().Folder;
            Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
        }
        finally
        {
            server.Shutdown();
            await stop.CancelAsync();
            await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(5), CancellationToken.None));
        }
    }

    private static MimeMessage Message(string subject, string text)
    {
        var message = new MimeMessage { Subject = subject, Body = new TextPart("plain") { Text = text } };
        message.From.Add(new MailboxAddress("Byline", "byline@localhost"));
        message.To.Add(new MailboxAddress("A reader", "reader@example.test"));
        return message;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class CapturingStore : MessageStore
    {
        private readonly List<MimeMessage> messages = [];

        public IReadOnlyList<MimeMessage> Messages
        {
            get
            {
                lock (messages)
                {
                    return [.. messages];
                }
            }
        }

        public override Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = MimeMessage.Load(stream, cancellationToken);
            lock (messages)
            {
                messages.Add(message);
            }
            return Task.FromResult(SmtpResponse.Ok);
        }
    }
}
