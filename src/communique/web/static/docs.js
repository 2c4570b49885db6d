/* Swagger UI for /docs, reading this server's schema only. */
window.SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: false });
