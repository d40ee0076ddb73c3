{#-
    gtm_type_double()

    The 8-byte floating-point type. dbt.type_float() is a 4-byte FLOAT on DuckDB, which
    loses the precision that weighted sums and scores need.

    Example: gtm_type_double()  ->  double   (DuckDB)
-#}
{% macro gtm_type_double() %}
    {{ return(adapter.dispatch('gtm_type_double', 'gtm_targeting')()) }}
{% endmacro %}

{% macro default__gtm_type_double() -%}
    double precision
{%- endmacro %}

{% macro duckdb__gtm_type_double() -%}
    double
{%- endmacro %}

{% macro spark__gtm_type_double() -%}
    double
{%- endmacro %}
