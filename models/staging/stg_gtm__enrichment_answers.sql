with

source as (

    select * from {{ gtm_input('enrichment_answers') }}

),

cleaned as (

    select
        {{ gtm_clean_text('person_id') }} as person_id,
        lower({{ gtm_clean_text('question_code') }}) as question_code,
        {{ gtm_clean_text('answer') }} as answer,
        {{ gtm_try_cast('answered_at', dbt.type_timestamp()) }} as answered_at

    from source

)

select * from cleaned
