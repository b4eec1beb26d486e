using System;
using System.Threading;

namespace PermissionAnalyzer.Engine;

/// <summary>
/// A value computed once, on first request, by one thread at a time; unlike <see cref="Lazy{T}"/> it remembers
/// only success. A computation that throws (cancelled by its caller, or failing on broken input) stores nothing,
/// so the next request computes again with its own cancellation token instead of receiving the first caller's
/// exception for the rest of the compilation. A caller waiting for another thread's computation stops waiting
/// when its own token is cancelled.
/// </summary>
internal sealed class Memo<T>
{
    private readonly object gate = new();
    private T value = default!;
    private volatile bool computed;

    /// <summary>Whether the value has been computed (and will not be computed again).</summary>
    public bool IsComputed => computed;

    public T Get<TState>(Func<TState, CancellationToken, T> compute, TState state, CancellationToken cancellationToken)
    {
        if (computed)
        {
            return value;
        }

        Enter(gate, cancellationToken);
        try
        {
            if (computed)
            {
                return value;
            }

            value = compute(state, cancellationToken);
            computed = true;
            return value;
        }
        finally
        {
            Monitor.Exit(gate);
        }
    }

    /// <summary>Takes <paramref name="gate"/>, giving up with <see cref="OperationCanceledException"/> when the token is cancelled while waiting.</summary>
    public static void Enter(object gate, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            Monitor.Enter(gate);
            return;
        }

        while (!Monitor.TryEnter(gate, millisecondsTimeout: 5))
        {
            cancellationToken.ThrowIfCancellationRequested();
        }
    }
}
