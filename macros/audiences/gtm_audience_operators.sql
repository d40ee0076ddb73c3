{#-
    gtm_audience_operators()

    Returns the condition operators each audience column type allows. This is the one
    place an audience operator is declared; gtm_audience_predicate implements them.

    Example: gtm_audience_operators()['timestamp']  ->  ['within_days', 'is_null']
-#}
{% macro gtm_audience_operators() %}
    {{ return({
        'text': ['=', '!=', 'in', 'not_in', 'is_null'],
        'number': ['=', '!=', 'in', 'not_in', '>=', '<=', 'between', 'is_null'],
        'timestamp': ['within_days', 'is_null'],
    }) }}
{% endmacro %}
