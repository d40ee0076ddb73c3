{#-
    gtm_number_to_text(expression)

    Renders a number as text that reads the same on every engine: rounded to four
    decimals, without trailing zeros or a trailing decimal point. A plain cast of a
    double to text differs between engines (DuckDB writes `31300000.0`, PostgreSQL
    `31300000`, and their last digits of a repeating fraction differ).

    Example: gtm_number_to_text('features.annual_revenue_usd')
             31300000.0 -> '31300000';  2.75229357 -> '2.7523';  0.5 -> '0.5'
-#}
{% macro gtm_number_to_text(expression) %}
    {#- decimal(38, 4) always prints four decimals, so the pattern removes only zeros
        after the decimal point, and the point itself when nothing is left. -#}
    {{ return(gtm_regexp_replace(
        "cast(cast(" ~ expression ~ " as decimal(38, 4)) as " ~ dbt.type_string() ~ ")",
        "'\\.?0+$'",
        "''"
    )) }}
{% endmacro %}
