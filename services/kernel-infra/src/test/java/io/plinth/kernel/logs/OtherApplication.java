package io.plinth.kernel.logs;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;

/**
 * A second application in the same JVM, as in the all-in-one server: its own class loader with
 * its own copy of kernel-infra (and the kernel), sharing only the JDK with the test.
 */
final class OtherApplication implements AutoCloseable {

    final URLClassLoader loader;

    OtherApplication() {
        List<URL> urls = new ArrayList<>();
        for (Class<?> type : List.of(ShippingHandler.class, io.plinth.kernel.logging.RequestContext.class,
                jakarta.json.Json.class, io.opentelemetry.api.trace.Span.class, io.opentelemetry.context.Context.class)) {
            URL url = type.getProtectionDomain().getCodeSource().getLocation();
            if (!urls.contains(url)) {
                urls.add(url);
            }
        }
        loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
    }

    /** That application's shipping handler, with its levels at {@code level} for {@code io.plinth}. */
    Handler handler(Level level) throws Exception {
        Class<?> bufferType = loader.loadClass(LogBuffer.class.getName());
        Constructor<?> newBuffer = bufferType.getDeclaredConstructor(int.class);
        newBuffer.setAccessible(true);
        Object buffer = newBuffer.newInstance(100);
        Class<?> handlerType = loader.loadClass(ShippingHandler.class.getName());
        Constructor<?> newHandler = handlerType.getDeclaredConstructor(bufferType, Level.class);
        newHandler.setAccessible(true);
        Handler handler = (Handler) newHandler.newInstance(buffer, Level.INFO);
        Class<?> configType = loader.loadClass(LogLevelConfig.class.getName());
        Object config = configType.getConstructor(Level.class, java.util.Map.class, long.class)
                .newInstance(level, java.util.Map.of(), 1L);
        Method levels = handlerType.getDeclaredMethod("levels", configType);
        levels.setAccessible(true);
        levels.invoke(handler, config);
        return handler;
    }

    /** How many records that application's handler took. */
    static int taken(Handler handler) throws Exception {
        java.lang.reflect.Field field = handler.getClass().getDeclaredField("buffer");
        field.setAccessible(true);
        Object buffer = field.get(handler);
        Method size = buffer.getClass().getDeclaredMethod("size");
        size.setAccessible(true);
        return (int) size.invoke(buffer);
    }

    /** Runs {@code work} on a thread working for this application. */
    void run(Runnable work) throws InterruptedException {
        Thread thread = new Thread(work);
        thread.setContextClassLoader(loader);
        thread.start();
        thread.join();
    }

    @Override
    public void close() throws Exception {
        loader.close();
    }
}
