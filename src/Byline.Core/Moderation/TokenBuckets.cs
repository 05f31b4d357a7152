using System.Collections.Concurrent;

namespace Byline.Core.Moderation;

/// <summary>
/// Rate limiting by key (an account, a client address): each key has a bucket of <c>capacity</c> tokens, one comes
/// back every <c>refillEvery</c>, and an action takes one. Time is passed in, so tests need no clock.
/// </summary>
/// <remarks>
/// A bucket left alone for capacity × refillEvery is full again, exactly as a new one would be, so forgetting it loses
/// nothing: when the table grows past its soft limit, such buckets are dropped, and the next prune waits until the
/// table has doubled again (each prune costs one pass, paid for by the keys added since the last one).
/// </remarks>
public sealed class TokenBuckets
{
    private readonly int _capacity;
    private readonly TimeSpan _refillEvery;
    private readonly TimeSpan _idleFull;
    private readonly int _softLimit;
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Lock _pruneLock = new();
    private int _pruneAt;

    public TokenBuckets(int capacity, TimeSpan refillEvery) : this(capacity, refillEvery, 10_000)
    {
    }

    public TokenBuckets(int capacity, TimeSpan refillEvery, int softLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(refillEvery, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(softLimit, 1);
        _capacity = capacity;
        _refillEvery = refillEvery;
        _idleFull = refillEvery * capacity;
        _softLimit = softLimit;
        _pruneAt = softLimit;
    }

    /// <summary>How many keys are remembered.</summary>
    public int Count => _buckets.Count;

    /// <summary>Takes a token for <paramref name="key"/>; when there is none, says how long until there is.</summary>
    public bool TryTake(string key, DateTimeOffset now, out TimeSpan retryAfter)
    {
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            bucket = _buckets.GetOrAdd(key, _ => new Bucket(_capacity, now));
            if (_buckets.Count > Volatile.Read(ref _pruneAt))
                Prune(now);
        }
        return bucket.TryTake(_capacity, _refillEvery, now, out retryAfter);
    }

    private void Prune(DateTimeOffset now)
    {
        if (!_pruneLock.TryEnter())
            return; // another thread is pruning
        try
        {
            foreach (var (key, bucket) in _buckets)
            {
                if (bucket.IdleSince(now) >= _idleFull)
                    _buckets.TryRemove(new KeyValuePair<string, Bucket>(key, bucket));
            }
            Volatile.Write(ref _pruneAt, Math.Max(_softLimit, _buckets.Count * 2));
        }
        finally
        {
            _pruneLock.Exit();
        }
    }

    private sealed class Bucket(int tokens, DateTimeOffset stamp)
    {
        private readonly Lock _lock = new();
        private int _tokens = tokens;
        private DateTimeOffset _stamp = stamp; // the time the tokens were counted up to
        private DateTimeOffset _lastUsed = stamp;

        public TimeSpan IdleSince(DateTimeOffset now)
        {
            lock (_lock)
                return now - _lastUsed;
        }

        public bool TryTake(int capacity, TimeSpan refillEvery, DateTimeOffset now, out TimeSpan retryAfter)
        {
            lock (_lock)
            {
                if (now > _stamp)
                {
                    long refills = (now - _stamp).Ticks / refillEvery.Ticks;
                    if (_tokens + refills >= capacity)
                    {
                        _tokens = capacity;
                        _stamp = now;
                    }
                    else
                    {
                        _tokens += (int)refills;
                        _stamp += refillEvery * refills;
                    }
                }
                if (now > _lastUsed)
                    _lastUsed = now;

                if (_tokens > 0)
                {
                    // A full bucket starts its refill clock when its first token is taken.
                    if (_tokens == capacity)
                        _stamp = now > _stamp ? now : _stamp;
                    _tokens--;
                    retryAfter = TimeSpan.Zero;
                    return true;
                }
                retryAfter = _stamp + refillEvery - now;
                if (retryAfter <= TimeSpan.Zero)
                    retryAfter = TimeSpan.FromTicks(1);
                return false;
            }
        }
    }
}
