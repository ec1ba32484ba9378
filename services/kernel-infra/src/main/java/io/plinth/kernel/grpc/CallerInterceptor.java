package io.plinth.kernel.grpc;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.plinth.kernel.security.AccessTokens;
import io.plinth.kernel.security.BearerToken;
import io.plinth.kernel.security.Caller;
import io.plinth.kernel.security.Callers;
import io.plinth.kernel.security.InvalidTokenException;
import io.plinth.kernel.security.KeysUnavailableException;
import io.plinth.kernel.security.PublicEndpoint;
import io.plinth.kernel.security.RequiresPermission;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * The gRPC twin of the REST access filter: the caller's platform token travels in the
 * {@code authorization} metadata ({@code Bearer <token>}); it is verified, the caller is set for
 * the handler's thread, and the {@link RequiresPermission} of the implementing method is checked.
 */
final class CallerInterceptor implements ServerInterceptor {

    static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private record Rule(boolean open, String permission) {
    }

    private static final Rule SIGNED_IN = new Rule(false, null);

    private final AccessTokens tokens;
    private final Map<String, Rule> rules;

    private CallerInterceptor(AccessTokens tokens, Map<String, Rule> rules) {
        this.tokens = tokens;
        this.rules = rules;
    }

    /** Reads the access rules of every method of {@code definition} from {@code implementation}'s annotations. */
    static CallerInterceptor of(Object implementation, ServerServiceDefinition definition, AccessTokens tokens) {
        Map<String, Rule> rules = new HashMap<>();
        for (ServerMethodDefinition<?, ?> method : definition.getMethods()) {
            String name = method.getMethodDescriptor().getBareMethodName();
            Method java = javaMethod(implementation.getClass(), Character.toLowerCase(name.charAt(0)) + name.substring(1));
            rules.put(method.getMethodDescriptor().getFullMethodName(), rule(java, implementation.getClass()));
        }
        return new CallerInterceptor(tokens, rules);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        Rule rule = rules.getOrDefault(call.getMethodDescriptor().getFullMethodName(), SIGNED_IN);
        Caller caller;
        try {
            caller = caller(headers.get(AUTHORIZATION));
        } catch (InvalidTokenException e) {
            if (rule.open()) {
                caller = null;
            } else {
                return refuse(call, Status.UNAUTHENTICATED.withDescription("The access token was refused: " + e.getMessage()));
            }
        } catch (KeysUnavailableException e) {
            return refuse(call, Status.UNAVAILABLE.withDescription("The platform's signing keys cannot be fetched"));
        }
        if (!rule.open()) {
            if (caller == null) {
                return refuse(call, Status.UNAUTHENTICATED.withDescription(
                        "Send a platform access token in the 'authorization' metadata as 'Bearer <token>'"));
            }
            if (rule.permission() != null && !caller.may(rule.permission())) {
                return refuse(call, Status.PERMISSION_DENIED.withDescription(
                        "This needs the permission '" + rule.permission() + "', which none of your roles grants"));
            }
        }
        Caller acting = caller;
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
            @Override
            public void onMessage(Q message) {
                Callers.set(acting);
                try {
                    super.onMessage(message);
                } finally {
                    Callers.clear();
                }
            }

            @Override
            public void onHalfClose() {
                Callers.set(acting);
                try {
                    super.onHalfClose();
                } finally {
                    Callers.clear();
                }
            }
        };
    }

    private Caller caller(String authorization) throws InvalidTokenException {
        if (authorization == null) {
            return null;
        }
        return tokens.verify(BearerToken.in(authorization)
                .orElseThrow(() -> new InvalidTokenException("only bearer tokens are accepted")));
    }

    private static <Q, R> ServerCall.Listener<Q> refuse(ServerCall<Q, R> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }

    /** The most derived declaration of {@code name}: CDI may hand out a subclass of the implementation. */
    private static Method javaMethod(Class<?> type, String name) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.getName().equals(name) && m.getParameterCount() == 2
                        && (m.isAnnotationPresent(RequiresPermission.class) || m.isAnnotationPresent(PublicEndpoint.class))) {
                    return m;
                }
            }
        }
        return null;
    }

    /** The method's own annotation wins; otherwise the class's; otherwise any signed-in caller. */
    private static Rule rule(Method method, Class<?> type) {
        if (method != null) {
            return method.isAnnotationPresent(PublicEndpoint.class) ? new Rule(true, null)
                    : new Rule(false, method.getAnnotation(RequiresPermission.class).value());
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(PublicEndpoint.class)) {
                return new Rule(true, null);
            }
            if (c.isAnnotationPresent(RequiresPermission.class)) {
                return new Rule(false, c.getAnnotation(RequiresPermission.class).value());
            }
        }
        return SIGNED_IN;
    }
}
