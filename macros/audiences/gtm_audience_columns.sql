{#-
    gtm_audience_columns(grain)

    Returns the columns that audience conditions and rankings may name, for one member
    grain (`person` or `company`), as a dict of column name -> type (`text`, `number`,
    `timestamp`). This is the allow-list: generated audience SQL takes column names from
    here only, never from the audience definitions. The input models
    int_people__audience_inputs and int_companies__audience_inputs select exactly these
    columns. Each recency parameter of the registry adds a `last_<signal_type>_at`
    timestamp for its entity (gtm_audience_signal_types).

    Example: gtm_audience_columns('person')['persona_score']  ->  'number'
-#}
{% macro gtm_audience_columns(grain) %}
    {%- set shared = {
        'company_id': 'text',
        'industry': 'text',
        'employee_count': 'number',
        'icp_code': 'text',
        'icp_score': 'number',
        'icp_coverage': 'number',
    } -%}
    {%- if grain == 'person' -%}
        {%- set columns = {
            'person_id': 'text',
            'company_country_code': 'text',
            'persona_code': 'text',
            'persona_score': 'number',
            'persona_coverage': 'number',
            'seniority': 'text',
            'qualification_status': 'text',
        } -%}
    {%- else -%}
        {%- set columns = {
            'country_code': 'text',
            'fit_status': 'text',
            'committee_size': 'number',
            'personas_covered': 'number',
            'live_persona_count': 'number',
            'committee_coverage': 'number',
        } -%}
    {%- endif -%}
    {%- do columns.update(shared) -%}
    {%- for signal_type in gtm_audience_signal_types(grain) -%}
        {%- do columns.update({'last_' ~ signal_type ~ '_at': 'timestamp'}) -%}
    {%- endfor -%}
    {{ return(columns) }}
{% endmacro %}
