package nl.plein.photos;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import nl.plein.http.ApiError;

/**
 * How much of the heap decoding photos may hold at once, as a fair semaphore of mebibytes sized from
 * the heap: a third of it, leaving the rest to the requests' bodies and everything else the server
 * does (with 512 MB of heap, 20 uploads of 12 megapixels at once ran it out of memory at a half). Each decode first asks for what its decoded pixels will take (known from the
 * file's header before anything is decoded), so twenty 12-megapixel uploads arriving together take
 * turns instead of running the server out of memory; a request that has waited too long is told to
 * try again (503) rather than holding its connection.
 */
final class DecodeBudget {
    private static final long MIB = 1024 * 1024;
    private static final long WAIT_SECONDS = 60;

    private final Semaphore permits;
    private final int total;

    DecodeBudget(long heapBytes) {
        this.total = (int) Math.max(64, heapBytes / 3 / MIB);
        this.permits = new Semaphore(total, true);
    }

    /** What one decode holds, in mebibytes, at most the whole budget (a very large photo runs alone). */
    int cost(long fileBytes, long decodedPixels, long displayPixels) {
        // Decoded pixels as 4 bytes each, once for the image and once for a colour conversion the
        // reader may make; the display size and thumbnail; the file itself and its encoded copies.
        long bytes = decodedPixels * 8 + displayPixels * 8 + fileBytes * 2;
        return (int) Math.min(total, Math.max(1, (bytes + MIB - 1) / MIB));
    }

    interface Work<T> {
        T run() throws java.io.IOException;
    }

    <T> T within(int cost, Work<T> work) throws java.io.IOException {
        try {
            if (!permits.tryAcquire(cost, WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw ApiError.tookTooLong("Many photos are being processed at this moment; send it again in a minute.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiError.tookTooLong("The server is stopping; send the photo again in a minute.");
        }
        try {
            return work.run();
        } finally {
            permits.release(cost);
        }
    }

    int total() {
        return total;
    }
}
