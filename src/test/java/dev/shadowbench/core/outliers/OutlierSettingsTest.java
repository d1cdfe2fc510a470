package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shadowbench.core.BadInputException;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutlierSettingsTest {
    @Test
    void commandLineAssignmentsChangeTheDefaults() {
        OutlierSettings s =
                OutlierSettings.parse(List.of("extreme.mad_k=6", "leak.enabled=off", "LATENCY.budget_ms = 250"));
        assertEquals(6, s.value("extreme.mad_k"));
        assertFalse(s.enabled("leak"));
        assertEquals(250, s.value("latency.budget_ms"));
        assertEquals(4, s.value("divergence.mad_k"), "calibrated on realistic model pairs (RealisticPairsRecallTest)");
        assertEquals(12, s.value("divergence.bands"), "a median and MAD per twelfth of the baseline's values");
        assertTrue(s.enabled("extreme"));
        assertEquals(OutlierSettings.defaults(), OutlierSettings.parse(List.of()));
    }

    @Test
    void badAssignmentsSayWhatIsWrong() {
        assertTrue(assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("nosuch.k=1")))
                .getMessage()
                .contains("unknown rule 'nosuch'"));
        assertTrue(assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("extreme.kk=1")))
                .getMessage()
                .contains("known: enabled, mad_k"));
        assertTrue(assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("extreme.mad_k=abc")))
                .getMessage()
                .contains("'abc' is not a number"));
        assertTrue(assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("leak.ratio=2")))
                .getMessage()
                .contains("between 0 and 1"));
        assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("extreme")));
        assertThrows(BadInputException.class, () -> OutlierSettings.parse(List.of("extreme.enabled=maybe")));
    }

    @Test
    void jsonRoundTripKeepsEverySettingAndToleratesStaleText() {
        OutlierSettings s = OutlierSettings.parse(List.of("extreme.mad_k=6.5", "margin.enabled=false"));
        String json = s.toJson();
        assertTrue(json.startsWith("{\"extreme\":{\"enabled\":true,\"mad_k\":6.5,\"bands\":12.0}"), json);
        assertEquals(s, OutlierSettings.fromJson(json));
        OutlierSettings partial = OutlierSettings.fromJson(
                "{\"leak\":{\"ratio\":0.01,\"bogus\":3},\"gone\":{},\"extreme\":{\"mad_k\":-4}}");
        assertEquals(0.01, partial.value("leak.ratio"));
        assertEquals(8, partial.value("extreme.mad_k"));
        assertEquals(OutlierSettings.defaults(), OutlierSettings.fromJson("not json"));
    }
}
