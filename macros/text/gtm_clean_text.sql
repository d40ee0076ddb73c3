{#-
    gtm_clean_text(expression)

    SQL expression for a cleaned text value: cast to text, Unicode NFC, trimmed, and
    NULL when blank.

    Example: gtm_clean_text('company_name')  ->  nullif(trim(nfc_normalize(...)), '')
-#}
{% macro gtm_clean_text(expression) %}
    {{ return("nullif(trim(" ~ gtm_normalize_unicode("cast(" ~ expression ~ " as " ~ dbt.type_string() ~ ")") ~ "), '')") }}
{% endmacro %}
