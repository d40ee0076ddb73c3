-- One row per input row that the project cannot use, with the reason and how to fix
-- it. Together with company_fit and person_fit it accounts for every input company
-- and person; rows of the other inputs that point nowhere land here too.
-- depends_on: {{ ref('int_definitions__validated') }}
{%- set definitions = gtm_definitions(validate=false) %}

with

companies as (

    select * from {{ ref('stg_gtm__companies') }}

),

people as (

    select * from {{ ref('stg_gtm__people') }}

),

technologies as (

    select * from {{ ref('stg_gtm__company_technologies') }}

),

opportunities as (

    select * from {{ ref('stg_gtm__opportunities') }}

),

signals as (

    select * from {{ ref('stg_gtm__signals') }}

),

answers as (

    select * from {{ ref('stg_gtm__enrichment_answers') }}

),

usable_companies as (

    select company_id from companies
    where company_id is not null and not has_duplicate_id

),

usable_people as (

    select person_id from people
    where person_id is not null and not has_duplicate_id

),

rejects as (

    select
        'companies' as input_table,
        company_id as record_id,
        case
            when company_id is null then 'missing_id'
            else 'duplicate_id'
        end as reject_reason,
        case
            when company_id is null then 'company_id is blank; give every company a stable id.'
            else 'company_id ' || company_id || ' appears on more than one row; keep one row per company.'
        end as reject_detail
    from companies
    where company_id is null or has_duplicate_id

    union all

    select
        'people' as input_table,
        person_id as record_id,
        case
            when person_id is null then 'missing_id'
            else 'duplicate_id'
        end as reject_reason,
        case
            when person_id is null then 'person_id is blank; give every person a stable id.'
            else 'person_id ' || person_id || ' appears on more than one row; keep one row per person.'
        end as reject_detail
    from people
    where person_id is null or has_duplicate_id

    union all

    select
        'company_technologies' as input_table,
        technologies.company_id as record_id,
        case
            when technologies.technology_key is null then 'missing_value'
            else 'unknown_company'
        end as reject_reason,
        case
            when technologies.technology_key is null then 'technology is blank.'
            else 'company_id ' || coalesce(technologies.company_id, '(blank)') || ' is not a usable company.'
        end as reject_detail
    from technologies

    left join usable_companies
        on technologies.company_id = usable_companies.company_id

    where
        technologies.technology_key is null
        or usable_companies.company_id is null

    union all

    select
        'opportunities' as input_table,
        opportunities.opportunity_id as record_id,
        'unknown_company' as reject_reason,
        'company_id ' || coalesce(opportunities.company_id, '(blank)') || ' is not a usable company.' as reject_detail
    from opportunities

    left join usable_companies
        on opportunities.company_id = usable_companies.company_id

    where usable_companies.company_id is null

    union all

    select
        'signals' as input_table,
        signals.signal_id as record_id,
        case
            when signals.person_id is null and signals.company_id is null then 'missing_subject'
            when signals.person_id is not null and usable_people.person_id is null then 'unknown_person'
            when signals.person_id is null and usable_companies.company_id is null then 'unknown_company'
            when signals.occurred_at is null then 'missing_time'
            else 'after_as_of_date'
        end as reject_reason,
        case
            when
                signals.person_id is null and signals.company_id is null
                then 'the signal names neither a person nor a company.'
            when
                signals.person_id is not null and usable_people.person_id is null
                then 'person_id ' || signals.person_id || ' is not a usable person.'
            when
                signals.person_id is null and usable_companies.company_id is null
                then 'company_id ' || signals.company_id || ' is not a usable company.'
            when signals.occurred_at is null then 'occurred_at is blank or not a timestamp.'
            else 'occurred_at is after the as-of date (var gtm_as_of_date), so recency criteria ignore it.'
        end as reject_detail
    from signals

    left join usable_people
        on signals.person_id = usable_people.person_id

    left join usable_companies
        on signals.company_id = usable_companies.company_id

    where
        (signals.person_id is null and signals.company_id is null)
        or (signals.person_id is not null and usable_people.person_id is null)
        or (signals.person_id is null and usable_companies.company_id is null)
        or signals.occurred_at is null
        or cast(signals.occurred_at as date) > {{ gtm_as_of_date() }}

    union all

    select
        'enrichment_answers' as input_table,
        answers.person_id as record_id,
        case
            when usable_people.person_id is null then 'unknown_person'
            else 'missing_value'
        end as reject_reason,
        case
            when
                usable_people.person_id is null
                then 'person_id ' || coalesce(answers.person_id, '(blank)') || ' is not a usable person.'
            else 'question_code or answer is blank.'
        end as reject_detail
    from answers

    left join usable_people
        on answers.person_id = usable_people.person_id

    where
        usable_people.person_id is null
        or answers.question_code is null
        or answers.answer is null

),

final as (

    select
        -- Rows that share an id (duplicates) get distinct keys from their row number.
        cast(
            input_table || ':' || coalesce(record_id, '') || ':' || reject_reason || ':'
            || cast(row_number() over (
                partition by input_table, record_id, reject_reason order by reject_detail nulls last
            ) as {{ dbt.type_string() }})
            as {{ dbt.type_string() }}
        ) as reject_key,
        cast(input_table as {{ dbt.type_string() }}) as input_table,
        cast(record_id as {{ dbt.type_string() }}) as record_id,
        cast(reject_reason as {{ dbt.type_string() }}) as reject_reason,
        cast(reject_detail as {{ dbt.type_string() }}) as reject_detail,
        cast({{ gtm_quote(definitions.version) }} as {{ dbt.type_string() }}) as definitions_version,
        {{ gtm_scored_at() }} as scored_at
    from rejects

)

select * from final
