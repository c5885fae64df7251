package org.jasyncio;

import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Python's {@code contextvars.ContextVar}: a variable whose value belongs to the current
 * {@link Context}, so that each task sees its own. A task copies its creator's values when it is made;
 * what it sets afterwards neither its creator nor other tasks see, while the {@code @Async} methods it
 * calls and awaits do, and it sees what they set.
 *
 * <pre>{@code
 * static final ContextVar<String> REQUEST_ID = new ContextVar<>("request_id");
 *
 * @Async static Task<Void> handle(Request request) {
 *     REQUEST_ID.set(request.id());
 *     await(store(request));           // store() and everything it awaits see this request's id
 *     log(REQUEST_ID.get());           // still this request's id, whatever ran meanwhile
 *     return Task.completed();
 * }
 * }</pre>
 *
 * <p>Create variables once, as constants: a context holds a value per variable object.
 *
 * @param <T> the type of the value ({@code null} is a value)
 */
public final class ContextVar<T> {

    private final String name;
    /** The default value, or {@link ContextData#ABSENT} for none. */
    private final Object defaultValue;

    /**
     * A variable without a default: {@link #get()} throws where it has no value.
     *
     * @param name the name shown in messages
     */
    public ContextVar(String name) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = ContextData.ABSENT;
    }

    /**
     * A variable whose value is {@code defaultValue} where it was not set.
     *
     * @param name the name shown in messages
     * @param defaultValue what {@link #get()} returns where the variable has no value
     */
    public ContextVar(String name, T defaultValue) {
        this.name = Objects.requireNonNull(name, "name");
        this.defaultValue = defaultValue;
    }

    /** @return the variable's name */
    public String getName() {
        return name;
    }

    /**
     * The value in the current context.
     *
     * @return the value, or the default if it has none here
     * @throws NoSuchElementException if it has neither (Python's {@code LookupError})
     */
    @SuppressWarnings("unchecked")
    public T get() {
        Object value = currentValue();
        if (value == ContextData.ABSENT) {
            value = defaultValue;
            if (value == ContextData.ABSENT) {
                throw new NoSuchElementException(this + " has no value in the current context and no default");
            }
        }
        return (T) value;
    }

    /**
     * The value in the current context, or {@code fallback} (the variable's default is not consulted,
     * as in Python's {@code var.get(default)}).
     *
     * @param fallback what to return if the variable has no value here
     * @return the value or {@code fallback}
     */
    @SuppressWarnings("unchecked")
    public T get(T fallback) {
        Object value = currentValue();
        return value == ContextData.ABSENT ? fallback : (T) value;
    }

    /**
     * Sets the value in the current context.
     *
     * @param value the new value ({@code null} is a value)
     * @return a token for {@link #reset} to restore the previous value
     */
    public Token<T> set(T value) {
        Context context = ContextState.ofThisThread().current();
        Object old = context.data.get(this);
        context.data = context.data.with(this, value);
        return new Token<>(context, this, old);
    }

    /**
     * Gives the variable back the value it had before the {@link #set} that returned {@code token} (or
     * no value, if it had none).
     *
     * @param token what {@code set} returned, in this context
     * @throws IllegalStateException if the token was used already (Python's RuntimeError)
     * @throws IllegalArgumentException if the token belongs to another variable or another context
     *     (Python's ValueError)
     */
    public void reset(Token<T> token) {
        Objects.requireNonNull(token, "token");
        if (token.used) {
            throw new IllegalStateException(token + " has already been used once");
        }
        if (token.var != this) {
            throw new IllegalArgumentException(token + " was created by a different ContextVar");
        }
        Context context = ContextState.ofThisThread().current();
        if (token.context != context) {
            throw new IllegalArgumentException(token + " was created in a different Context");
        }
        context.data = context.data.with(this, token.oldValue);
        token.used = true;
    }

    private Object currentValue() {
        Context context = ContextState.ofThisThread().peek();
        return context == null ? ContextData.ABSENT : context.data.get(this);
    }

    /** E.g. {@code <ContextVar name='request_id' default='none'>}. */
    @Override
    public String toString() {
        String text = "<ContextVar name='" + name + "'";
        if (defaultValue != ContextData.ABSENT) {
            text += " default=" + (defaultValue instanceof String ? "'" + defaultValue + "'" : String.valueOf(defaultValue));
        }
        return text + ">";
    }

    /**
     * What {@link ContextVar#set} returns: the way back to the previous value, once, with
     * {@link ContextVar#reset}.
     *
     * @param <T> the variable's type
     */
    public static final class Token<T> {

        /** What {@link #getOldValue()} answers when the variable had no value before the set. */
        public static final Object MISSING = new Object() {
            @Override
            public String toString() {
                return "<Token.MISSING>";
            }
        };

        private final Context context;
        private final ContextVar<T> var;
        /** The previous value, or {@link ContextData#ABSENT}. */
        private final Object oldValue;
        private boolean used;

        private Token(Context context, ContextVar<T> var, Object oldValue) {
            this.context = context;
            this.var = var;
            this.oldValue = oldValue;
        }

        /** @return the variable whose {@code set} made this token */
        public ContextVar<T> getVar() {
            return var;
        }

        /** @return the value before the set, or {@link #MISSING} if the variable had none */
        public Object getOldValue() {
            return oldValue == ContextData.ABSENT ? MISSING : oldValue;
        }

        /** E.g. {@code <Token var=<ContextVar name='a'>>}, with {@code used} once reset. */
        @Override
        public String toString() {
            return "<Token" + (used ? " used" : "") + " var=" + var + ">";
        }
    }
}
