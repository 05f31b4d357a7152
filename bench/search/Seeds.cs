namespace Byline.Bench.Search;

/// <summary>
/// Seeds for the random sequence of each row, the same in every process (HashCode is randomized per process, so it
/// cannot be used): SplitMix64 over the run's seed, the kind of row and its index.
/// </summary>
public static class Seeds
{
    public static int For(int seed, int stream, long index)
    {
        unchecked
        {
            var z = (ulong)seed * 0x9E3779B97F4A7C15UL + (ulong)stream * 0xBF58476D1CE4E5B9UL + (ulong)index * 0x94D049BB133111EBUL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return (int)((z ^ (z >> 31)) & 0x7FFFFFFF);
        }
    }
}
