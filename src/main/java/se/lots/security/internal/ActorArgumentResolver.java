package se.lots.security.internal;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

import se.lots.security.Actor;
import se.lots.security.CurrentActor;

/** Lets a controller method take an {@link Actor} parameter; {@link CurrentActor} keeps it for the request. */
class ActorArgumentResolver implements HandlerMethodArgumentResolver {

    private final CurrentActor currentActor;

    ActorArgumentResolver(CurrentActor currentActor) {
        this.currentActor = currentActor;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(Actor.class);
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
            NativeWebRequest request, WebDataBinderFactory binderFactory) {
        return currentActor.get();
    }
}
