package nl.plein.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class SmallCountsTest {
    private final SmallCounts fives = new SmallCounts(SmallCounts.DEFAULT_THRESHOLD);

    @Test
    void countsShowAsZeroBelowFiveOrRoundedToFive() {
        assertEquals("0", fives.show(0));
        assertEquals("<5", fives.show(1));
        assertEquals("<5", fives.show(4));
        assertEquals("5", fives.show(5));
        assertEquals("5", fives.show(7));
        assertEquals("10", fives.show(8));
        assertEquals("10", fives.show(12));
        assertEquals("15", fives.show(13));
        assertEquals("1235", fives.show(1234));
    }

    @Test
    void theThresholdIsConfigurable() {
        var tens = new SmallCounts(10);
        assertEquals("<10", tens.show(9));
        assertEquals("10", tens.show(14));
        assertEquals("20", tens.show(15));
        assertThrows(IllegalArgumentException.class, () -> new SmallCounts(0));
    }
}
