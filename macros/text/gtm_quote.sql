{#-
    gtm_quote(value)

    Renders a value from a definition as a SQL string literal with its quotes escaped,
    so definition text is always data and never SQL.

    Example: gtm_quote("Women's Health")  ->  'Women''s Health'
-#}
{% macro gtm_quote(value) %}
    {{ return(adapter.dispatch('gtm_quote', 'gtm_targeting')(value | string)) }}
{% endmacro %}

{% macro default__gtm_quote(value) %}
    {{ return(dbt.string_literal(dbt.escape_single_quotes(value))) }}
{% endmacro %}

{% macro duckdb__gtm_quote(value) %}
    {#- Renders what default__gtm_quote renders on DuckDB and PostgreSQL, without its
        two further dispatched calls. The title classifier quotes each phrase
        replacement's two texts for the titles and again for the rules, about 2,600
        literals in every model that compiles it. Those calls took about 0.8 s of each
        such model's compile. -#}
    {{ return("'" ~ value | replace("'", "''") ~ "'") }}
{% endmacro %}

{% macro postgres__gtm_quote(value) %}
    {{ return(duckdb__gtm_quote(value)) }}
{% endmacro %}

{% macro spark__gtm_quote(value) %}
    {#- Spark reads a backslash in a string literal as an escape character, and
        dbt.escape_single_quotes on Spark (dbt-spark 1.11) escapes only the quote. -#}
    {{ return("'" ~ value | replace('\\', '\\\\') | replace("'", "\\'") ~ "'") }}
{% endmacro %}
