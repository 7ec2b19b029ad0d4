package org.sightline.indexer.footage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sightline.models.perception.text.RecognisedText;
import org.sightline.models.perception.text.SceneTextReader;
import org.sightline.models.runtime.RgbFrame;
import org.sightline.models.runtime.RuntimeOptions;
import org.sightline.models.testing.SharedData;
import org.sightline.models.testing.StarterPackFixture;

/** The starter text pack reads real footage decoded the way the indexer decodes it. */
class SceneTextOnFootageTest {

    @Test
    void readsTheTaxiSignInTheStreetMontage() throws Exception {
        // looked at: 3.0 s into the montage a taxi's roof sign "TAXI" fills the middle of the 640x272 frame
        RgbFrame frame = FrameAt.frameAt(SharedData.footage("street-montage-scene-cuts.mp4"), 3.0, 272);
        try (SceneTextReader reader = SceneTextReader.open(StarterPackFixture.textPack(), new RuntimeOptions(2, 1, 8))) {
            List<RecognisedText> read = reader.read(frame);
            List<RecognisedText> taxi = read.stream().filter(t -> t.text().equals("TAXI")).toList();
            assertEquals(1, taxi.size(), "read " + read);
            RecognisedText sign = taxi.getFirst();
            assertTrue(sign.confidence() > 0.9f, "confidence " + sign.confidence());
            assertTrue(sign.box().x() > 250 && sign.box().right() < 560 && sign.box().y() > 100 && sign.box().bottom() < 220,
                    "box " + sign.box());
        }
    }
}
