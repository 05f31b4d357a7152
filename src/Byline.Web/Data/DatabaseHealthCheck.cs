using Byline.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Byline.Web.Data;

/// <summary>Ready when the database answers.</summary>
public sealed class DatabaseHealthCheck(BylineDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database does not answer.");
}
