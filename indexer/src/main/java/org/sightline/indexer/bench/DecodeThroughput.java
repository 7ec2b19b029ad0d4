package org.sightline.indexer.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.sightline.indexer.footage.FootageException;
import org.sightline.indexer.footage.FrameSampler;
import org.sightline.indexer.footage.SamplingOptions;
import org.sightline.indexer.footage.SamplingReport;
import org.sightline.indexer.footage.VideoInfo;
import org.sightline.indexer.footage.VideoProbe;

/**
 * Decode-only speed: every frame of each file decoded and scaled in FFmpeg to the model's input size, sampled at the
 * ingest rate, nothing embedded. The reference is the FFmpeg command line (the binary bundled with JavaCV) doing the
 * same decode and scale into a null sink.
 *
 * <p>Wall time is noisy when other work shares the cores; the CPU time of the sampling thread is steadier. With one
 * decoder thread (the default of {@code bench decode}) FFmpeg decodes on that thread, so it is the whole decode cost;
 * with more, the decoder's own threads are not counted.
 */
public final class DecodeThroughput {

    /** One file's figures. */
    public record FileRate(Path file, double footageSeconds, long framesDecoded, long framesSampled, double seconds,
                           double cpuSeconds, double ffmpegCliSeconds) {
        public double framesPerSecond() {
            return framesDecoded / seconds;
        }

        public double realtime() {
            return footageSeconds / seconds;
        }
    }

    private final SamplingOptions options;
    private final int decoderThreads;
    private String cliProblem;

    /** @param decoderThreads FFmpeg decoder threads, 0 to let FFmpeg choose */
    public DecodeThroughput(SamplingOptions options, int decoderThreads) {
        this.options = options;
        this.decoderThreads = decoderThreads;
    }

    public List<FileRate> measure(List<Path> files) throws IOException, InterruptedException {
        List<FileRate> out = new ArrayList<>();
        VideoProbe probe = new VideoProbe();
        FrameSampler sampler = decoderThreads > 0 ? new FrameSampler(decoderThreads) : new FrameSampler();
        ThreadMXBean threadCpu = ManagementFactory.getThreadMXBean();
        for (Path file : files) {
            VideoInfo info;
            try {
                info = probe.probe(file);
            } catch (FootageException e) {
                continue;
            }
            long start = System.nanoTime();
            long cpuStart = threadCpu.getCurrentThreadCpuTime();
            SamplingReport report;
            try {
                report = sampler.sample(file, options, frame -> { }, () -> false);
            } catch (FootageException e) {
                continue;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = (threadCpu.getCurrentThreadCpuTime() - cpuStart) / 1e9;
            double cli = ffmpegCliSeconds(file, info);
            out.add(new FileRate(file, info.durationSeconds(), report.framesDecoded(), report.framesSampled(), seconds, cpu, cli));
        }
        return out;
    }

    /** Wall time of {@code ffmpeg -i FILE -vf scale=...,format=rgb24 -f null -}; NaN when the binary cannot run. */
    private double ffmpegCliSeconds(Path file, VideoInfo info) throws InterruptedException {
        try {
            String ffmpeg = Loader.load(org.bytedeco.ffmpeg.ffmpeg.class);
            int shortSide = Math.min(options.shortSide(), Math.min(info.width(), info.height()));
            String scale = info.width() >= info.height() ? "scale=-2:" + shortSide : "scale=" + shortSide + ":-2";
            List<String> cmd = new ArrayList<>(List.of(ffmpeg, "-nostdin", "-v", "error"));
            if (decoderThreads > 0) {
                cmd.addAll(List.of("-threads", Integer.toString(decoderThreads)));
            }
            // the same decoder settings as FrameSampler's (see VideoOpener)
            cmd.addAll(List.of("-skip_loop_filter", "all", "-flags2", "+fast"));
            cmd.addAll(List.of("-i", file.toString(), "-an", "-vf", scale + ":flags=area,format=rgb24", "-f", "null", "-"));
            long start = System.nanoTime();
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            // the program finds its FFmpeg libraries beside it, in JavaCPP's cache
            pb.environment().put("LD_LIBRARY_PATH", Path.of(ffmpeg).getParent().toString());
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return Double.NaN;
            }
            return p.exitValue() == 0 ? (System.nanoTime() - start) / 1e9 : Double.NaN;
        } catch (IOException | RuntimeException | LinkageError e) {
            // The bundled ffmpeg program links libavdevice, which needs the system's libpulse (Debian: libpulse0).
            // Sightline itself never loads it; only this reference timing does.
            if (cliProblem == null) {
                cliProblem = "FFmpeg command-line reference not timed: the bundled ffmpeg program cannot start ("
                        + e + "); on Debian, apt-get install libpulse0";
            }
            return Double.NaN;
        }
    }

    /** Why the FFmpeg command-line reference could not be timed (its figures are then NaN); empty when it ran. */
    public Optional<String> cliReferenceProblem() {
        return Optional.ofNullable(cliProblem);
    }

    public static String describe(List<FileRate> rates) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%-38s %8s %8s %8s %10s %9s %8s %10s%n", "file", "footage", "decoded", "sampled",
                "frames/s", "realtime", "cpu", "ffmpeg-cli"));
        double footage = 0, seconds = 0, cpu = 0, cli = 0;
        long decoded = 0, sampled = 0;
        for (FileRate r : rates) {
            sb.append(String.format(Locale.ROOT, "%-38s %7.1fs %8d %8d %10.0f %8.0fx %7.2fs %9.2fs%n", r.file().getFileName(),
                    r.footageSeconds(), r.framesDecoded(), r.framesSampled(), r.framesPerSecond(), r.realtime(), r.cpuSeconds(),
                    r.ffmpegCliSeconds()));
            footage += r.footageSeconds();
            seconds += r.seconds();
            cpu += r.cpuSeconds();
            cli += r.ffmpegCliSeconds();
            decoded += r.framesDecoded();
            sampled += r.framesSampled();
        }
        sb.append(String.format(Locale.ROOT, "%-38s %7.1fs %8d %8d %10.0f %8.0fx %7.2fs %9.2fs  (Sightline decode %.2fs)%n",
                "total", footage, decoded, sampled, decoded / seconds, footage / seconds, cpu, cli, seconds));
        return sb.toString();
    }
}
