package dev.shadowbench.core.format;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** One test per formatting rule of {@link FigureFormat}. */
class FigureFormatTest {

    @Test
    void figuresHaveThreeSignificantDigitsWithoutTrailingZeros() {
        assertEquals("0.5", FigureFormat.num(0.5));
        assertEquals("0.0812", FigureFormat.num(0.08123));
        assertEquals("39.8", FigureFormat.num(39.81));
        assertEquals("1.23", FigureFormat.num(1.234));
        assertEquals("-2.5", FigureFormat.num(-2.5));
        assertEquals("0", FigureFormat.num(0.0));
    }

    @Test
    void figuresFromHundredHaveOneDecimalAndFromThousandNone() {
        assertEquals("812.4", FigureFormat.num(812.44));
        assertEquals("812", FigureFormat.num(812.0));
        assertEquals("12,346", FigureFormat.num(12345.6));
        assertEquals("1,000", FigureFormat.num(999.96));
    }

    @Test
    void wholeNumbersHaveThousandsSeparators() {
        assertEquals("12,345", FigureFormat.num(12345.0));
        assertEquals("1,234,567", FigureFormat.num(1234567.0));
        assertEquals("7", FigureFormat.num(7.0));
    }

    @Test
    void tinyAndHugeFiguresAreScientific() {
        assertEquals("1.23e-05", FigureFormat.num(0.0000123));
        assertEquals("2.00e+15", FigureFormat.num(2e15));
    }

    @Test
    void missingFiguresReadTheCallersWord() {
        assertEquals("—", FigureFormat.num(null));
        assertEquals("—", FigureFormat.num(Double.NaN));
        assertEquals("not recorded", FigureFormat.num(null, "not recorded"));
        assertEquals("—", FigureFormat.pct(null));
        assertEquals("n/a", FigureFormat.pct(Double.NaN, "n/a"));
        assertEquals("—", FigureFormat.ms(null));
        assertEquals("—", FigureFormat.p(null));
    }

    @Test
    void countsHaveThousandsSeparators() {
        assertEquals("0", FigureFormat.count(0));
        assertEquals("1,234,567", FigureFormat.count(1_234_567));
    }

    @Test
    void percentagesHaveOneDecimalFromOnePercentAndTwoBelow() {
        assertEquals("46.2%", FigureFormat.pct(0.4621));
        assertEquals("100.0%", FigureFormat.pct(1.0));
        assertEquals("0.46%", FigureFormat.pct(0.0046));
        assertEquals("0.50%", FigureFormat.pct(0.005));
        assertEquals("0.0012%", FigureFormat.pct(0.0000123));
        assertEquals("0%", FigureFormat.pct(0.0));
    }

    @Test
    void aShareBesideItsThresholdShowsWhichSideItIsOn() {
        assertEquals("0.46%", FigureFormat.pctAgainst(0.0046, 0.005));
        assertEquals("0.501%", FigureFormat.pctAgainst(0.00501, 0.005));
        assertEquals("0.4996%", FigureFormat.pctAgainst(0.004996, 0.005));
        assertEquals("94.96%", FigureFormat.pctAgainst(0.9496, 0.95));
        assertEquals("0.50%", FigureFormat.pctAgainst(0.005, 0.005));
    }

    @Test
    void aFigureBesideItsThresholdShowsWhichSideItIsOn() {
        assertEquals("0.08", FigureFormat.numAgainst(0.08, 0.1));
        assertEquals("0.1004", FigureFormat.numAgainst(0.1004, 0.1));
        assertEquals("0.0999", FigureFormat.numAgainst(0.09994, 0.1));
        assertEquals("0.1", FigureFormat.numAgainst(0.1, 0.1));
    }

    @Test
    void durationsInMilliseconds() {
        assertEquals("65.4 ms", FigureFormat.ms(65.43));
        assertEquals("5 ms", FigureFormat.ms(5.0));
        assertEquals("812 ms", FigureFormat.ms(812.4));
        assertEquals("1,234 ms", FigureFormat.ms(1234.4));
    }

    @Test
    void pValuesAreTinyOrThreeSignificantDigits() {
        assertEquals("< 1e-12", FigureFormat.p(1e-15));
        assertEquals("< 1e-12", FigureFormat.p(0.0));
        assertEquals("p < 1e-12", FigureFormat.pIs(1e-15), "a sentence never reads 'p = < 1e-12'");
        assertEquals("p = 0.566", FigureFormat.pIs(0.5658));
        assertEquals("4.56e-05", FigureFormat.p(0.0000456));
        assertEquals("0.0123", FigureFormat.p(0.01234));
        assertEquals("0.05", FigureFormat.p(0.05));
        assertEquals("1", FigureFormat.p(1.0));
    }

    @Test
    void signedFiguresAlwaysShowTheSign() {
        assertEquals("+1.5", FigureFormat.signed(1.5, "n/a"));
        assertEquals("-0.25", FigureFormat.signed(-0.25, "n/a"));
        assertEquals("+0", FigureFormat.signed(0.0, "n/a"));
    }

    @Test
    void fixedDecimals() {
        assertEquals("0.300", FigureFormat.fixed(0.3, 3));
        assertEquals("2", FigureFormat.fixed(2.0, 0));
    }

    @Test
    void valuesInAGateUnit() {
        assertEquals("0.46%", FigureFormat.inUnit(0.0046, "%", 0.005, "no data"));
        assertEquals("65.4 ms", FigureFormat.inUnit(65.43, "ms", null, "no data"));
        assertEquals("0.12", FigureFormat.inUnit(0.12, "", 0.1, "no data"));
        assertEquals("no data", FigureFormat.inUnit(null, "%", 0.005, "no data"));
    }

    @Test
    void theSameUnderAnyDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("12,345", FigureFormat.num(12345.0));
            assertEquals("0.46%", FigureFormat.pct(0.0046));
            assertEquals("65.4 ms", FigureFormat.ms(65.43));
        } finally {
            Locale.setDefault(before);
        }
    }
}
