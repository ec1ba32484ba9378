package io.plinth.kernel.concurrency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Every task of the executors runs inside the context executor, one unit of work per run. */
class UnitOfWorkExecutorsTest {

    /** Stands in for the container's context executor: marks the thread while a task runs in it. */
    private static final class Units implements Executor {
        static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);
        final AtomicInteger begun = new AtomicInteger();

        @Override
        public void execute(Runnable task) {
            begun.incrementAndGet();
            INSIDE.set(true);
            try {
                task.run();
            } finally {
                INSIDE.set(false);
            }
        }
    }

    @Test
    void aPoolRunsEachTaskAsItsOwnUnit() throws Exception {
        Units units = new Units();
        UnitOfWorkPool pool = new UnitOfWorkPool(2, 2, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Executors.defaultThreadFactory(), units);
        try {
            AtomicInteger inside = new AtomicInteger();
            for (int i = 0; i < 10; i++) {
                pool.submit(() -> {
                    if (Units.INSIDE.get()) {
                        inside.incrementAndGet();
                    }
                }).get();
            }
            assertThat(pool.submit(() -> Units.INSIDE.get()).get()).isTrue();
            assertThat(inside).hasValue(10);
            assertThat(units.begun).hasValue(11);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSchedulerRunsEveryRunOfAPeriodicTaskAsItsOwnUnit() throws Exception {
        Units units = new Units();
        UnitOfWorkScheduler scheduler = new UnitOfWorkScheduler(Executors.defaultThreadFactory(), units);
        try {
            CountDownLatch runs = new CountDownLatch(3);
            AtomicInteger outside = new AtomicInteger();
            scheduler.scheduleWithFixedDelay(() -> {
                if (!Units.INSIDE.get()) {
                    outside.incrementAndGet();
                }
                runs.countDown();
            }, 0, 1, TimeUnit.MILLISECONDS);
            assertThat(runs.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(outside).hasValue(0);
            assertThat(scheduler.submit(() -> Units.INSIDE.get()).get()).isTrue();
            scheduler.execute(() -> assertThat(Units.INSIDE.get()).isTrue());
            assertThat(units.begun.get()).isGreaterThanOrEqualTo(4);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void aFailingCallableFailsItsFutureWithItsOwnException() {
        UnitOfWorkScheduler scheduler = new UnitOfWorkScheduler(Executors.defaultThreadFactory(), new Units());
        try {
            Callable<Object> broken = () -> {
                throw new IllegalStateException("broken");
            };
            assertThatThrownBy(() -> scheduler.submit(broken).get()).isInstanceOf(ExecutionException.class).cause()
                    .isInstanceOf(IllegalStateException.class).hasMessage("broken");
        } finally {
            scheduler.shutdownNow();
        }
    }
}
