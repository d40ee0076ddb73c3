{#-
    gtm_try_cast(expression, data_type)

    Casts a value and gives NULL, not an error, when the value cannot be cast, so one
    malformed input row makes its value unknown instead of failing the whole build.
    Dispatched per adapter.

    Example: gtm_try_cast('occurred_at', dbt.type_timestamp())  ->  try_cast(occurred_at as timestamp)
-#}
{% macro gtm_try_cast(expression, data_type) %}
    {{ return(adapter.dispatch('gtm_try_cast', 'gtm_targeting')(expression, data_type)) }}
{% endmacro %}

{% macro duckdb__gtm_try_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro spark__gtm_try_cast(expression, data_type) -%}
    try_cast({{ expression }} as {{ data_type }})
{%- endmacro %}

{% macro default__gtm_try_cast(expression, data_type) -%}
    {#- NOTE: engines without try_cast still fail the build on a value that cannot be cast. -#}
    cast({{ expression }} as {{ data_type }})
{%- endmacro %}
