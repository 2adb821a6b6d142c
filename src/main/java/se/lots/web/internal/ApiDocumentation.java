package se.lots.web.internal;

import java.util.Arrays;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestHeader;

/**
 * What the published contract says about versioned updates: every operation that takes {@code If-Match} needs a
 * version (428 without one) and answers a stale one with 409 and the resource as saved now in {@code current}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    /** The error body's schema, which the operations' 409 and 428 refer to (no handler returns it as such). */
    @Bean
    OpenApiCustomizer errorSchema() {
        return openApi -> ModelConverters.getInstance(true).readAll(ApiError.class)
                .forEach((name, schema) -> openApi.getComponents().getSchemas().putIfAbsent(name, schema));
    }

    @Bean
    OperationCustomizer versionedUpdates() {
        return (operation, handler) -> {
            boolean versioned = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> {
                RequestHeader header = p.getParameterAnnotation(RequestHeader.class);
                return header != null && "If-Match".equalsIgnoreCase(header.name());
            });
            if (!versioned) {
                return operation;
            }
            operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName()))
                    .forEach(p -> p.description("ETag från läsningen, t.ex. \"3\"; i stället för fältet version"));
            Content error = new Content().addMediaType("application/json",
                    new MediaType().schema(new Schema<>().$ref("#/components/schemas/ApiError")));
            operation.getResponses()
                    .addApiResponse("409", new ApiResponse().content(error).description("Någon annan sparade efter "
                            + "versionen du angav; inget är ändrat. current är resursen som den är sparad nu, "
                            + "för att jämföra och skicka igen med dess version"))
                    .addApiResponse("428", new ApiResponse().content(error).description("Versionen saknas: ange "
                            + "fältet version eller rubriken If-Match"));
            return operation;
        };
    }
}
