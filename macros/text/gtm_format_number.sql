{#-
    gtm_format_number(value)

    Renders a number for generated SQL: whole numbers without a decimal part, so a
    weight of 30 reads `30`, not `30.0`.

    Example: gtm_format_number(30.0)  ->  30;  gtm_format_number(0.25)  ->  0.25
-#}
{% macro gtm_format_number(value) %}
    {{ return((value | int) if value == (value | int) else value) }}
{% endmacro %}
