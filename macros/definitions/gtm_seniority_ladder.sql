{#-
    gtm_seniority_ladder()

    Returns the seniority ladder from lowest to highest. A level's rank is its position
    plus one, so `at_least: director` means rank >= 3.

    Example: gtm_seniority_ladder().index('vp') + 1  ->  4
-#}
{% macro gtm_seniority_ladder() %}
    {{ return(['ic', 'manager', 'director', 'vp', 'c_suite']) }}
{% endmacro %}
