using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace PermissionAnalyzer.EditorTests;

/// <summary>One textDocument/publishDiagnostics the server sent, in arrival order.</summary>
internal sealed record Publication(int Sequence, TimeSpan ReceivedAt, string Path, JsonArray Diagnostics);

/// <summary>
/// A minimal LSP client over a server's stdio (JSON-RPC with Content-Length framing). It answers the
/// server's requests (workspace/configuration from <see cref="Configuration"/>, everything else with null),
/// keeps every publishDiagnostics, and keeps a transcript of the whole exchange for failure messages.
/// Disposing kills the server and everything it started.
/// </summary>
internal sealed class LanguageServerClient : IDisposable
{
    private const int TranscriptEntryLimit = 6000;

    private readonly Process process;
    private readonly Stream input;
    private readonly Stopwatch clock = Stopwatch.StartNew();
    private readonly object gate = new();
    private readonly List<string> transcript = new();
    private readonly List<Publication> publications = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode?>> pending = new();
    private readonly Func<string?, JsonNode?> configuration;
    private readonly string transcriptPath;
    private TaskCompletionSource changed = NewSignal();
    private int nextId;
    private string? exitReason;

    private LanguageServerClient(Process process, Func<string?, JsonNode?> configuration, string transcriptPath)
    {
        this.process = process;
        this.configuration = configuration;
        this.transcriptPath = transcriptPath;
        input = process.StandardInput.BaseStream;
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                Record("stderr " + e.Data);
            }
        };
        process.BeginErrorReadLine();
        _ = Task.Run(ReadLoopAsync);
    }

    public TimeSpan Elapsed => clock.Elapsed;

    public static LanguageServerClient Start(
        string fileName,
        IEnumerable<string> arguments,
        string workingDirectory,
        IReadOnlyDictionary<string, string> environment,
        Func<string?, JsonNode?> configuration,
        string transcriptPath)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"could not start {fileName}");
        var client = new LanguageServerClient(process, configuration, transcriptPath);
        client.Record($"started: {fileName} {string.Join(' ', startInfo.ArgumentList)} (pid {process.Id}) in {workingDirectory}");
        return client;
    }

    public async Task<JsonNode?> RequestAsync(string method, JsonNode? parameters, TimeSpan timeout)
    {
        var id = Interlocked.Increment(ref nextId);
        var answer = new TaskCompletionSource<JsonNode?>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            pending[id] = answer;
        }

        Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id, ["method"] = method, ["params"] = parameters });
        var finished = await Task.WhenAny(answer.Task, Task.Delay(timeout)).ConfigureAwait(false);
        if (finished != answer.Task)
        {
            throw Failure($"no answer to '{method}' (request {id}) within {timeout.TotalSeconds:0} s");
        }

        try
        {
            return await answer.Task.ConfigureAwait(false);
        }
        catch (InvalidOperationException e)
        {
            throw Failure($"'{method}' (request {id}) failed: {e.Message}");
        }
    }

    public void Notify(string method, JsonNode? parameters) =>
        Send(new JsonObject { ["jsonrpc"] = "2.0", ["method"] = method, ["params"] = parameters });

    /// <summary>The sequence number the next publication will get: wait from here to see only later ones.</summary>
    public int NextSequence
    {
        get
        {
            lock (gate)
            {
                return publications.Count;
            }
        }
    }

    public IReadOnlyList<Publication> PublicationsFor(string path, int fromSequence = 0)
    {
        lock (gate)
        {
            return publications.Skip(fromSequence).Where(p => p.Path == path).ToList();
        }
    }

    /// <summary>Waits for the first publication, from <paramref name="fromSequence"/> on, that satisfies the predicate.</summary>
    public async Task<Publication> WaitForPublicationAsync(int fromSequence, Func<Publication, bool> predicate, TimeSpan timeout, string waitingFor)
    {
        var deadline = clock.Elapsed + timeout;
        while (true)
        {
            Task signal;
            lock (gate)
            {
                var found = publications.Skip(fromSequence).FirstOrDefault(predicate);
                if (found is not null)
                {
                    return found;
                }

                if (exitReason is not null)
                {
                    throw Failure($"the server is gone ({exitReason}) while waiting for {waitingFor}");
                }

                signal = changed.Task;
            }

            var remaining = deadline - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw Failure($"timed out after {timeout.TotalSeconds:0} s waiting for {waitingFor}");
            }

            await Task.WhenAny(signal, Task.Delay(remaining)).ConfigureAwait(false);
        }
    }

    /// <summary>An exception whose message carries the end of the transcript (the whole one is in a file).</summary>
    public Exception Failure(string message)
    {
        string tail;
        lock (gate)
        {
            tail = string.Join(Environment.NewLine, transcript.Skip(Math.Max(0, transcript.Count - 80)));
        }

        WriteTranscript();
        return new InvalidOperationException(
            $"{message}{Environment.NewLine}--- last messages of the LSP transcript (all of it in {transcriptPath}) ---{Environment.NewLine}{tail}");
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited between the check and the kill.
        }

        Record($"server killed: {(process.HasExited ? "exited" : "still running")}");
        WriteTranscript();
        process.Dispose();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Send(JsonObject message)
    {
        var body = Encoding.UTF8.GetBytes(message.ToJsonString());
        var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
        Record("--> " + Shorten(message.ToJsonString()));
        lock (input)
        {
            try
            {
                input.Write(header);
                input.Write(body);
                input.Flush();
            }
            catch (IOException e)
            {
                throw Failure($"could not write to the server: {e.Message}");
            }
        }
    }

    private async Task ReadLoopAsync()
    {
        var output = process.StandardOutput.BaseStream;
        try
        {
            while (true)
            {
                var length = await ReadHeadersAsync(output).ConfigureAwait(false);
                if (length < 0)
                {
                    SetExited($"its output ended, exit code {ExitCode()}");
                    return;
                }

                var body = new byte[length];
                await output.ReadExactlyAsync(body).ConfigureAwait(false);
                Dispatch(JsonNode.Parse(body)!.AsObject());
            }
        }
        catch (Exception e) when (e is IOException or EndOfStreamException or JsonException or ObjectDisposedException or InvalidOperationException)
        {
            SetExited($"reading its output failed: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Reads the header block; returns the Content-Length, or -1 at the end of the stream.</summary>
    private static async Task<int> ReadHeadersAsync(Stream output)
    {
        var length = -1;
        var line = new StringBuilder();
        var one = new byte[1];
        while (true)
        {
            if (await output.ReadAsync(one).ConfigureAwait(false) == 0)
            {
                return -1;
            }

            if (one[0] != (byte)'\n')
            {
                if (one[0] != (byte)'\r')
                {
                    line.Append((char)one[0]);
                }

                continue;
            }

            if (line.Length == 0)
            {
                if (length < 0)
                {
                    throw new InvalidOperationException("a message without Content-Length");
                }

                return length;
            }

            var header = line.ToString();
            line.Clear();
            var colon = header.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && header[..colon].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                length = int.Parse(header[(colon + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }
    }

    private void Dispatch(JsonObject message)
    {
        var method = (string?)message["method"];
        var id = message["id"];
        Record("<-- " + Shorten(message.ToJsonString(), keepWhole: method == "textDocument/publishDiagnostics"));

        if (method is not null && id is not null)
        {
            // A request from the server: answer it, or it may wait for us forever.
            JsonNode? result = null;
            if (method == "workspace/configuration")
            {
                var answers = new JsonArray();
                foreach (var item in message["params"]?["items"]?.AsArray() ?? new JsonArray())
                {
                    answers.Add(configuration((string?)item?["section"]));
                }

                result = answers;
            }

            Send(new JsonObject { ["jsonrpc"] = "2.0", ["id"] = id.DeepClone(), ["result"] = result });
            return;
        }

        if (method is null && id is not null)
        {
            TaskCompletionSource<JsonNode?>? answer;
            lock (gate)
            {
                pending.Remove((int)id, out answer);
            }

            if (message["error"] is { } error)
            {
                answer?.TrySetException(new InvalidOperationException($"the server answered request {id} with an error: {error.ToJsonString()}"));
            }
            else
            {
                answer?.TrySetResult(message["result"]?.DeepClone());
            }

            return;
        }

        if (method == "textDocument/publishDiagnostics")
        {
            var parameters = message["params"]!;
            var path = new Uri((string)parameters["uri"]!).LocalPath;
            lock (gate)
            {
                publications.Add(new Publication(publications.Count, clock.Elapsed, path, parameters["diagnostics"]!.AsArray()));
                Pulse();
            }
        }
    }

    private void SetExited(string reason)
    {
        Record("server gone: " + reason);
        lock (gate)
        {
            exitReason ??= reason;
            foreach (var answer in pending.Values)
            {
                answer.TrySetException(new InvalidOperationException("the server is gone: " + reason));
            }

            pending.Clear();
            Pulse();
        }
    }

    private void Pulse()
    {
        var old = changed;
        changed = NewSignal();
        old.TrySetResult();
    }

    private string ExitCode()
    {
        try
        {
            return process.WaitForExit(2_000) ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "none yet";
        }
        catch (InvalidOperationException)
        {
            return "unknown";
        }
    }

    private void Record(string entry)
    {
        lock (gate)
        {
            transcript.Add($"[{clock.Elapsed.TotalSeconds,8:0.000}s] {entry}");
        }
    }

    private static string Shorten(string json, bool keepWhole = false) =>
        keepWhole || json.Length <= TranscriptEntryLimit ? json : json[..TranscriptEntryLimit] + $"... ({json.Length} characters)";

    private void WriteTranscript()
    {
        string[] lines;
        lock (gate)
        {
            lines = transcript.ToArray();
        }

        Directory.CreateDirectory(Path.GetDirectoryName(transcriptPath)!);
        File.WriteAllLines(transcriptPath, lines);
    }
}
