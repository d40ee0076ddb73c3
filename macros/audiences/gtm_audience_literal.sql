{#-
    gtm_audience_literal(value)

    Renders a validated condition value as SQL: a number as itself, anything else as a
    string literal with its quotes escaped.

    Example: gtm_audience_literal("O'Brien & Co")  ->  'O''Brien & Co'
-#}
{% macro gtm_audience_literal(value) %}
    {%- if gtm_is_number(value) -%}
        {{ return(value | string) }}
    {%- endif -%}
    {{ return(gtm_quote(value)) }}
{% endmacro %}
