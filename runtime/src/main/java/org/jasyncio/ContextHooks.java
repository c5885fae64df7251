package org.jasyncio;

import org.jasyncio.internal.access.ContextAccess;

/** {@link Context}'s package-private operations, handed to the coroutine implementation through the access bridge. */
final class ContextHooks implements ContextAccess {

    @Override
    public boolean propagating() {
        return Propagation.active();
    }

    @Override
    public Context capture() {
        return Context.forCallback();
    }

    @Override
    public Context newContext() {
        return new Context();
    }

    @Override
    public Object enter(EventLoop loop, Context context) {
        return ContextScope.enterStep(loop.contextState, context);
    }

    @Override
    public void leave(Object scope) {
        ((ContextScope) scope).leave();
    }
}
