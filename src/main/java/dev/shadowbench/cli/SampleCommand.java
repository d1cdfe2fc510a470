package dev.shadowbench.cli;

import dev.shadowbench.core.compare.Comparison;
import dev.shadowbench.core.review.RandomSample;
import dev.shadowbench.core.review.SampleCsv;
import dev.shadowbench.core.review.SamplePair;
import dev.shadowbench.core.workspace.OutputFile;
import dev.shadowbench.core.workspace.Workspace;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sample}: the same seeded random sample the Sample screen shows, as CSV. */
@Command(
        name = "sample",
        mixinStandardHelpOptions = true,
        description = "Draw the seeded random sample of paired requests (as on the Sample screen) as CSV.")
public final class SampleCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    WorkspaceOption workspace;

    @Option(names = "--size", defaultValue = "100", description = "Number of pairs (default ${DEFAULT-VALUE})")
    int size;

    @Option(names = "--seed", defaultValue = "1", description = "Seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--extremes",
            defaultValue = "0",
            description = "Also add this many most extreme pairs (stratified sample; default ${DEFAULT-VALUE})")
    int extremes;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the CSV here instead of standard output")
    Path csv;

    @Mixin
    ComparisonOptions comparison;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        RandomSample.Spec s = new RandomSample.Spec(size, seed, extremes);
        if (csv != null) OutputFile.check(csv, workspace.file);
        try (Workspace ws = Workspace.openExisting(workspace.file)) {
            Comparison cmp = comparison.resolve(ws);
            List<SamplePair> pairs = ws.read(c -> RandomSample.draw(c, cmp, s));
            if (csv != null) {
                OutputFile.write(csv, ws.file(), stream -> {
                    Writer w = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
                    SampleCsv.write(pairs, w);
                    w.flush();
                });
                spec.commandLine()
                        .getErr()
                        .println(Terminal.safe(
                                "Wrote " + pairs.size() + " pairs (" + cmp.key() + ", seed " + seed + ") to " + csv));
            } else {
                PrintWriter out = spec.commandLine().getOut();
                SampleCsv.write(pairs, out, Terminal::line);
                out.flush();
            }
        }
        return 0;
    }
}
