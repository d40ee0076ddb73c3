{#-
    gtm_operators_by_type()

    Returns the operators each parameter type allows. This is the one place an operator
    is declared; gtm_criterion_strength implements each of them.

    Example: gtm_operators_by_type()['number']  ->  ['between', 'band']
-#}
{% macro gtm_operators_by_type() %}
    {{ return({
        'category': ['in', 'not_in'],
        'answer': ['in', 'not_in'],
        'number': ['between', 'band'],
        'list': ['any', 'all', 'none'],
        'title': ['exact', 'wildcard', 'semantic'],
        'seniority': ['at_least', 'at_most', 'in'],
        'boolean': ['is_true', 'is_false'],
        'recency': ['within_days'],
    }) }}
{% endmacro %}
