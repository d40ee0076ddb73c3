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

{% macro spark__gtm_normalize_unicode(expression) -%}
    {#- Spark has no normalize function, but Spark 4 ships ICU4J. Its static
        Normalizer.compose(text, false) is NFC; it fails on NULL, hence the guard. -#}
    case
        when {{ expression }} is not null
            then reflect('com.ibm.icu.text.Normalizer', 'compose', {{ expression }}, false)
    end
{%- endmacro %}

{% macro default__gtm_normalize_unicode(expression) -%}
    {#- NOTE: adapters without an implementation compare text as stored, unnormalised. -#}
    {{ expression }}
{%- endmacro %}
