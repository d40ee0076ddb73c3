{#-
    gtm_quote(value)

    Renders a value from a definition as a SQL string literal with its quotes escaped,
    so definition text is always data and never SQL.

    Example: gtm_quote("Women's Health")  ->  'Women''s Health'
-#}
{% macro gtm_quote(value) %}
    {{ return(dbt.string_literal(dbt.escape_single_quotes(value | string))) }}
{% endmacro %}
