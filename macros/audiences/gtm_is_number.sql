{#-
    gtm_is_number(value)

    Returns whether a value read from YAML is a number: an int or a float, but not a
    boolean (YAML true is an int to Python) and not text that looks like a number.

    Example: gtm_is_number(60)  ->  true;  gtm_is_number('60')  ->  false
-#}
{% macro gtm_is_number(value) %}
    {{ return(value is number and value is not sameas true and value is not sameas false) }}
{% endmacro %}
