package dev.shadowbench.core.outliers;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OutlierReportTest {
    @Test
    void countsPerRuleKeepTheRuleOrderSoEveryRunPrintsTheSame() {
        Map<String, Long> counts = new LinkedHashMap<>();
        long n = 1;
        for (String rule : OutlierDetector.FLAG_RULES) counts.put(rule, n++);
        OutlierReport r = new OutlierReport(List.of(), List.of(), counts, 100, 10, 50);
        assertEquals(OutlierDetector.FLAG_RULES, List.copyOf(r.countsByRule().keySet()));
    }
}
