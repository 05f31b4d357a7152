namespace Byline.Core.Tests.Moderation;

public class TokenBucketsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AllowsCapacityThenRefuses()
    {
        var buckets = new TokenBuckets(3, TimeSpan.FromSeconds(10));

        Assert.True(buckets.TryTake("a", T0, out _));
        Assert.True(buckets.TryTake("a", T0, out _));
        Assert.True(buckets.TryTake("a", T0, out var none));
        Assert.Equal(TimeSpan.Zero, none);
        Assert.False(buckets.TryTake("a", T0.AddSeconds(4), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(6), retryAfter);
    }

    [Fact]
    public void RefillsOneTokenPerInterval()
    {
        var buckets = new TokenBuckets(2, TimeSpan.FromSeconds(10));
        buckets.TryTake("a", T0, out _);
        buckets.TryTake("a", T0, out _);

        Assert.False(buckets.TryTake("a", T0.AddSeconds(9), out _));
        Assert.True(buckets.TryTake("a", T0.AddSeconds(10), out _));
        Assert.False(buckets.TryTake("a", T0.AddSeconds(15), out var retryAfter));
        Assert.Equal(TimeSpan.FromSeconds(5), retryAfter);
        Assert.True(buckets.TryTake("a", T0.AddSeconds(20), out _));
    }

    [Fact]
    public void NeverHoldsMoreThanCapacity()
    {
        var buckets = new TokenBuckets(2, TimeSpan.FromSeconds(1));
        buckets.TryTake("a", T0, out _);

        var later = T0.AddHours(1);
        Assert.True(buckets.TryTake("a", later, out _));
        Assert.True(buckets.TryTake("a", later, out _));
        Assert.False(buckets.TryTake("a", later, out _));
    }

    [Fact]
    public void KeysHaveTheirOwnBuckets()
    {
        var buckets = new TokenBuckets(1, TimeSpan.FromMinutes(1));

        Assert.True(buckets.TryTake("reader-1", T0, out _));
        Assert.False(buckets.TryTake("reader-1", T0, out _));
        Assert.True(buckets.TryTake("reader-2", T0, out _));
    }

    [Fact]
    public void ForgetsIdleKeysWhenTheTableGrows()
    {
        var buckets = new TokenBuckets(2, TimeSpan.FromSeconds(1), softLimit: 100);
        for (int i = 0; i < 100; i++)
            buckets.TryTake("old" + i, T0, out _);
        buckets.TryTake("busy", T0.AddSeconds(1), out _); // 101 keys: a prune, but nothing is idle long enough yet
        Assert.Equal(101, buckets.Count);

        var later = T0.AddSeconds(5);
        buckets.TryTake("busy", later, out _);
        buckets.TryTake("busy", later, out _);
        for (int i = 0; i < 102; i++)
            buckets.TryTake("new" + i, later, out _); // the table doubled: the next prune drops the idle keys

        Assert.Equal(103, buckets.Count); // the 100 old ones were full again, so dropping them changed nothing
        Assert.False(buckets.TryTake("busy", later, out _));
    }

    [Fact]
    public void KeepsKeysThatAreStillRefilling()
    {
        var buckets = new TokenBuckets(5, TimeSpan.FromSeconds(10), softLimit: 10);
        for (int i = 0; i < 20; i++)
            buckets.TryTake("k" + i, T0, out _);

        Assert.Equal(20, buckets.Count);
    }

    [Fact]
    public void IsSafeUnderConcurrentUse()
    {
        var buckets = new TokenBuckets(1000, TimeSpan.FromHours(1));
        int taken = 0;

        Parallel.For(0, 4000, i =>
        {
            if (buckets.TryTake("shared", T0, out _))
                Interlocked.Increment(ref taken);
        });

        Assert.Equal(1000, taken);
    }

    [Fact]
    public void RejectsNonsenseSettings()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBuckets(0, TimeSpan.FromSeconds(1)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenBuckets(1, TimeSpan.Zero));
    }
}
