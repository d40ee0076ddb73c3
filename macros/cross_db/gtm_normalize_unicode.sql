{#-
    gtm_normalize_unicode(expression)

    Unicode NFC normalisation of a text expression, so that a composed `é` and an `e`
    followed by a combining accent compare equal. Dispatched per adapter.

    Example: gtm_normalize_unicode('title')  ->  nfc_normalize(title)   (DuckDB)
-#}
{% macro gtm_normalize_unicode(expression) %}
    {{ return(adapter.dispatch('gtm_normalize_unicode', 'gtm_targeting')(expression)) }}
{% endmacro %}

{% macro duckdb__gtm_normalize_unicode(expression) -%}
    nfc_normalize({{ expression }})
{%- endmacro %}

{% macro postgres__gtm_normalize_unicode(expression) -%}
    normalize({{ expression }}, NFC)
{%- endmacro %}

{% macro default__gtm_normalize_unicode(expression) -%}
    {#- NOTE: adapters without an implementation compare text as stored, unnormalised. -#}
    {{ expression }}
{%- endmacro %}
