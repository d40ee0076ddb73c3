-- One row per usable person (a unique, non-blank person_id) with their company_id and
-- one column per person parameter of the registry, named after the parameter.
{%- set parameters = gtm_entity_parameters('person') %}

with

people as (

    select * from {{ ref('stg_gtm__people') }}
    where
        person_id is not null
        and not has_duplicate_id

),

titles as (

    select * from {{ ref('int_titles__classified') }}

),

signals as (

    select * from {{ ref('stg_gtm__signals') }}

),

answers as (

    select * from {{ ref('stg_gtm__enrichment_answers') }}

),

signal_recency as (

    -- Days from the latest signal of each type to the as-of date; signals after the
    -- as-of date are ignored.
    select
        {{- gtm_recency_columns(parameters) }}
        person_id
    from signals
    where
        person_id is not null
        and cast(occurred_at as date) <= {{ gtm_as_of_date() }}
    group by person_id

),

latest_answers as (

    select
        person_id,
        question_code,
        answer,
        row_number() over (
            partition by person_id, question_code
            order by answered_at desc nulls last, answer asc
        ) as answer_order
    from answers
    where
        person_id is not null
        and question_code is not null
        and answer is not null

),

answer_columns as (

    select
        {%- for code, parameter in parameters if parameter.type == 'answer' %}
            max(case when question_code = {{ gtm_quote(parameter.question) }} then answer end) as {{ code }},
        {%- endfor %}
        person_id
    from latest_answers
    where answer_order = 1
    group by person_id

),

enriched as (

    select
        people.*,
        titles.title_key,
        titles.title_signature,
        titles.seniority,
        titles.function_list,
        titles.is_founder,
        titles.is_owner,
        titles.is_board,
        {%- for code, parameter in parameters if parameter.type in ['recency', 'answer'] %}
            {{ 'signal_recency' if parameter.type == 'recency' else 'answer_columns' }}.{{ code }},
        {%- endfor %}
        titles.seniority_rule

    from people

    left join titles
        on people.title = titles.title

    left join signal_recency
        on people.person_id = signal_recency.person_id

    left join answer_columns
        on people.person_id = answer_columns.person_id

),

features as (

    select
        {%- for code, parameter in parameters %}
            {{ code if parameter.type in ['recency', 'answer'] else parameter.expression }} as {{ code }},
            {%- if parameter.type == 'title' %}
                {{ parameter.get('signature_expression') or 'cast(null as ' ~ dbt.type_string() ~ ')' }}
                    as {{ code }}__signature,
            {%- endif %}
        {%- endfor %}
        person_id,
        company_id,
        seniority_rule
    from enriched

)

select * from features
