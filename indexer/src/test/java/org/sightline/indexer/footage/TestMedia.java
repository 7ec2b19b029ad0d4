package org.sightline.indexer.footage;

import java.nio.ShortBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameGrabber;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Frame;
import org.sightline.models.testing.SharedData;

/** Small media files made inside tests (in a @TempDir) for the bad-input cases. */
final class TestMedia {
    private TestMedia() {
    }

    /** One second of a 440 Hz sine as AAC in an MP4 (.m4a) container: audio only. */
    static Path sineM4a(Path target) throws Exception {
        int rate = 16000;
        try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), 1)) {
            recorder.setFormat("mp4");
            recorder.setSampleRate(rate);
            recorder.start();
            short[] samples = new short[rate];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / rate));
            }
            recorder.recordSamples(rate, 1, ShortBuffer.wrap(samples));
            recorder.stop();
        }
        return target;
    }

    /** The raw-video AVI fixture with its codec tag changed to one no decoder knows ("XQZW"). */
    static Path aviWithUnknownFourcc(Path target) throws Exception {
        byte[] avi = Files.readAllBytes(SharedData.footage("tiny-highway-48px-raw.avi"));
        byte[] tag = "XQZW".getBytes(StandardCharsets.US_ASCII);
        // strh fccHandler at 0x70 and strf biCompression at 0xBC (checked: "DIB " and 0 in the fixture)
        System.arraycopy(tag, 0, avi, 0x70, 4);
        System.arraycopy(tag, 0, avi, 0xBC, 4);
        return Files.write(target, avi);
    }

    /**
     * The first {@code frames} pictures of parking-aisle-cars.mp4 re-encoded as MPEG-2 in an MPEG transport stream,
     * like a DVR export: its timestamps do not start at zero.
     */
    static Path transportStream(Path target, int frames) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedData.footage("parking-aisle-cars.mp4").toString())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), 384, 216, 0)) {
                recorder.setFormat("mpegts");
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG2VIDEO);
                recorder.setFrameRate(12.5);
                recorder.start();
                Frame frame;
                for (int i = 0; i < frames && (frame = grabber.grabImage()) != null; i++) {
                    recorder.record(frame);
                }
                recorder.stop();
            }
        }
        return target;
    }

    /** The 48x48 raw fixture re-encoded as MPEG-4 Part 2 in {@code format}, claiming {@code fps} frames a second. */
    static Path tinyWithFrameRate(Path target, String format, double fps) throws Exception {
        try (FFmpegFrameGrabber grabber = new FFmpegFrameGrabber(SharedData.footage("tiny-highway-48px-raw.avi").toString())) {
            grabber.start();
            try (FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(target.toString(), 48, 48, 0)) {
                recorder.setFormat(format);
                recorder.setVideoCodec(avcodec.AV_CODEC_ID_MPEG4);
                recorder.setFrameRate(fps);
                recorder.start();
                Frame frame;
                while ((frame = grabber.grabImage()) != null) {
                    recorder.record(frame);
                }
                recorder.stop();
            }
        }
        return target;
    }

    /** The first {@code fraction} of a fixture's bytes. */
    static Path truncatedCopy(String fixture, double fraction, Path target) throws Exception {
        byte[] all = Files.readAllBytes(SharedData.footage(fixture));
        return Files.write(target, java.util.Arrays.copyOf(all, (int) (all.length * fraction)));
    }
}
